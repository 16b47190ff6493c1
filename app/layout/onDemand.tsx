import { useEffect, useState, type ComponentType } from 'react';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

/**
 * A component whose code loads on first use (out of the initial JavaScript), like React.lazy,
 * but one whose chunk fails to load (the server gone, the network off) says so in place with a
 * Retry button instead of throwing: the app never turns into a blank page, and React.lazy would
 * keep the failure forever. `Pending`, if given, stands in (with the same props) while it loads.
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>, Pending?: ComponentType<P>): ComponentType<P> {
  let Loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () =>
    (loading ??= load().then(
      (component) => (Loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));

  return function OnDemand(props: P) {
    const [failed, setFailed] = useState(false);
    const [, setLoaded] = useState(false);
    useEffect(() => {
      if (Loaded !== null || failed) return;
      let live = true;
      start().then(
        () => live && setLoaded(true),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [failed]);
    if (Loaded !== null) return <Loaded {...props} />;
    // A dialog that closes through its own `onClose` (not the store's `dialog`) is closed that way too.
    const onClose = (props as { onClose?: unknown }).onClose;
    if (failed) return <LoadFailed onRetry={() => setFailed(false)} onClose={typeof onClose === 'function' ? (onClose as () => void) : undefined} />;
    return Pending === undefined ? null : <Pending {...props} />;
  };
}

function LoadFailed({ onRetry, onClose }: { onRetry: () => void; onClose: (() => void) | undefined }) {
  const t = useT();
  return (
    <div className="load-failed" role="alert">
      <p>{t('loadFailed')}</p>
      <button type="button" className="primary" onClick={onRetry}>
        {t('retry')}
      </button>
      <button
        type="button"
        onClick={() => {
          onClose?.();
          useWorkbench.setState({ dialog: null });
        }}
      >
        {t('close')}
      </button>
    </div>
  );
}
