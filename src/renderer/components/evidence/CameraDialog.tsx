import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../Dialog';

/** A live camera preview; "Take photo" hands a JPEG to `onPhoto` and keeps the camera open for more. */
export function CameraDialog({
  onPhoto,
  onClose,
}: {
  onPhoto: (jpeg: Blob) => Promise<void>;
  onClose: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState(0);

  useEffect(() => {
    let live = true;
    let opened: MediaStream | undefined;
    navigator.mediaDevices
      ?.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        opened = s;
        if (!live) {
          for (const t of s.getTracks()) t.stop();
          return;
        }
        setStream(s);
        if (video.current) video.current.srcObject = s;
      })
      .catch(() => live && setError('No camera is available, or access to it was refused.'));
    if (!navigator.mediaDevices) setError('This window has no camera access.');
    return () => {
      live = false;
      for (const t of opened?.getTracks() ?? []) t.stop();
    };
  }, []);

  const take = async () => {
    const v = video.current;
    if (!v?.videoWidth) return;
    setBusy(true);
    try {
      const canvas = document.createElement('canvas');
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      canvas.getContext('2d')?.drawImage(v, 0, 0);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
      if (!blob) throw new Error('no image');
      await onPhoto(blob);
      setTaken((n) => n + 1);
    } catch {
      setError('The photo could not be taken; try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Camera"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Done
          </button>
          <button type="button" className="btn primary" onClick={take} disabled={!stream || busy}>
            Take photo
          </button>
        </>
      }
    >
      {error ? (
        <p className="error-banner" role="alert">
          {error}
        </p>
      ) : (
        <video
          ref={video}
          className="camera-preview"
          autoPlay
          playsInline
          muted
          aria-label="Camera preview"
        />
      )}
      <p className="muted small" aria-live="polite">
        {taken ? `${taken} photo${taken > 1 ? 's' : ''} added.` : 'Photos are added as evidence when taken.'}
      </p>
    </Dialog>
  );
}
