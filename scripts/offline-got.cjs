// Stand-in for `got` inside Electronegativity: every request fails immediately, no socket is opened.
const refuse = () => Promise.reject(new Error('offline: network access is disabled for the security audit'));
module.exports = Object.assign(refuse, { head: refuse, get: refuse, default: refuse });
