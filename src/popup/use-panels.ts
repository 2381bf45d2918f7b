// The popup's parts that are not in its first paint, each loaded with import() when it is first
// needed: the pickers (an ID field gets focus), the link panel (a link to show, or one on its way),
// History and Presets (their buttons), and the active preset's tag and the pinned pairs (at once,
// after the form is up). Loading on demand is a UI concern: each part is its own module by what it is.
import { useEffect, useRef, useState } from 'preact/hooks';

/** A module loaded on demand: null until `load()` (or `eager`) has brought it. */
function useLazy<T>(loader: () => Promise<T>, eager = false): [T | null, () => Promise<T>] {
  const [loaded, setLoaded] = useState<T | null>(null);
  const loading = useRef<Promise<T> | null>(null);
  const load = () => {
    loading.current ??= loader().then(
      (module) => (setLoaded(() => module), module),
      (error: unknown) => {
        // Loaded again on the next ask (an extension updated meanwhile, say).
        loading.current = null;
        throw error;
      },
    );
    return loading.current;
  };
  useEffect(() => {
    if (eager) void load().catch(() => undefined);
  }, []);
  return [loaded, load];
}

/** The Presets view and the default preset a new draft takes: one module, loaded for either. */
const presetsModule = () => import('./presets-panel');

export function usePanels() {
  const [pickers, loadPickers] = useLazy(() => import('../ui/pickers'));
  const [result, loadResult] = useLazy(() => import('./result-panel'));
  const [pinned] = useLazy(() => import('./pinned-list'), true);
  // The active preset's tag needs the presets' code as soon as the form is up.
  const [presets, loadPresets] = useLazy(presetsModule, true);
  const [history, loadHistory] = useLazy(() => import('./history-panel'));
  /** Which of the views that replace the form shows, if any. */
  const [view, setView] = useState<'form' | 'history' | 'presets'>('form');
  return {
    pickers,
    result,
    pinned,
    presets,
    history: view === 'history' ? history : null,
    presetsView: view === 'presets' ? presets : null,
    loadPickers: () => void loadPickers().catch(() => undefined),
    loadResult: () => void loadResult().catch(() => undefined),
    loadPresets,
    openHistory: () =>
      void loadHistory().then(
        () => setView('history'),
        () => undefined,
      ),
    openPresets: () =>
      void loadPresets().then(
        () => setView('presets'),
        () => undefined,
      ),
    backToForm: () => setView('form'),
  };
}

export type Panels = ReturnType<typeof usePanels>;
