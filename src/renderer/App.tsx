import { useCallback, useEffect, useState } from 'react';
import { formatRoute, NavigationContext, parseRoute, type Route } from './navigation';
import { AssessmentWorkspace } from './screens/AssessmentWorkspace';
import { CatalogsScreen } from './screens/CatalogsScreen';
import { HomeScreen } from './screens/HomeScreen';
import { useTheme } from './theme';

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useTheme();
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = formatRoute(next);
    setRoute(next);
  }, []);
  return (
    <NavigationContext.Provider value={navigate}>
      {route.name === 'home' ? (
        <HomeScreen />
      ) : route.name === 'catalogs' ? (
        <CatalogsScreen route={route} />
      ) : (
        <AssessmentWorkspace route={route} />
      )}
    </NavigationContext.Provider>
  );
}
