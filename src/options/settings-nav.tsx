// The options page's sections, listed beside the content (above it on a narrow window): each a link to
// its own address (options.html#presets), so the popup, notifications and the README can point at one.
// All sections stay on one page (the browser's find and the existing anchors keep working); the list
// marks the section in view. Arriving at an address (opened with it, Back, a notification moving an
// open page) shows that section and moves focus to its heading, as a screen reader user expects.
import { useEffect, useState } from 'preact/hooks';

/** In page order. Each `id` is its <section>'s, and `${id}-heading` its heading's (tabindex -1, to take focus). */
export const SECTIONS = [
  { id: 'accounts', label: 'Accounts' },
  { id: 'presets', label: 'Presets' },
  { id: 'copy-formats', label: 'Copy formats' },
  { id: 'links', label: 'Links' },
  { id: 'team-settings', label: 'Team' },
  { id: 'storage', label: 'Storage' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

const sectionOf = (hash: string): SectionId | undefined => SECTIONS.find((section) => `#${section.id}` === hash)?.id;

/** Brings the section into view and its heading into focus. */
function show(id: SectionId): void {
  document.getElementById(id)?.scrollIntoView({ block: 'start' });
  document.getElementById(`${id}-heading`)?.focus({ preventScroll: true });
}

/** How far down the window a section's top may be and it still counts as the one in view: a little below where a section reached from the list starts (its scroll margin). */
const IN_VIEW_LINE = 96;

/**
 * The section in view: the last one whose top has passed IN_VIEW_LINE. At the end of the page a short
 * last section never gets that far, so there the one asked for (the address's) wins while it shows.
 */
function sectionInView(asked: SectionId | undefined): SectionId {
  const topOf = (id: SectionId) => document.getElementById(id)?.getBoundingClientRect().top;
  const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  const askedTop = asked ? topOf(asked) : undefined;
  if (atEnd && askedTop !== undefined && askedTop >= 0 && askedTop < window.innerHeight) return asked!;
  let found: SectionId = SECTIONS[0].id;
  for (const { id } of SECTIONS) {
    const top = topOf(id);
    if (top !== undefined && top <= IN_VIEW_LINE) found = id;
  }
  return found;
}

/**
 * Follows the address and the scrolling; `ready` once the page has what it shows above the sections'
 * places (the accounts), so the section an address asks for is shown where it ends up.
 */
export function useSections(ready: boolean): SectionId {
  const [current, setCurrent] = useState<SectionId>(() => sectionOf(location.hash) ?? SECTIONS[0].id);

  useEffect(() => {
    if (!ready) return;
    const asked = sectionOf(location.hash);
    if (asked) show(asked);
    setCurrent(sectionInView(asked));
    const arrived = () => {
      const id = sectionOf(location.hash);
      if (!id) return;
      show(id);
      setCurrent(id);
    };
    let frame = 0;
    const scrolled = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCurrent(sectionInView(sectionOf(location.hash))));
    };
    window.addEventListener('hashchange', arrived);
    window.addEventListener('scroll', scrolled, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('hashchange', arrived);
      window.removeEventListener('scroll', scrolled);
    };
  }, [ready]);

  return current;
}

export function SettingsNav({ current }: { current: SectionId }) {
  return (
    <nav class="settings-nav" aria-label="Settings sections">
      <ul>
        {SECTIONS.map(({ id, label }) => (
          <li key={id}>
            <a
              href={`#${id}`}
              aria-current={id === current ? 'location' : undefined}
              onClick={() => {
                // The address is this section's already: no hashchange comes, yet the person asked for it.
                if (location.hash === `#${id}`) show(id);
              }}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
