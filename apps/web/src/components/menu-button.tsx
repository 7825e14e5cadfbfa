import { createContext, use, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useHydrated } from '../lib/use-hydrated';

/** Closes the open menu and gives focus back to its button. */
const CloseMenu = createContext<() => void>(() => undefined);

interface MenuButtonProps {
  /** The button's accessible name (its visible content may be shorter). */
  label: string;
  /** What the button shows. */
  button: ReactNode;
  /** The menu's content: MenuItem (which closes the menu when chosen), MenuLabel, MenuDivider. */
  children: ReactNode;
  className?: string;
}

/**
 * A button opening a menu (the WAI-ARIA menu button pattern): Enter, Space or ↓ open it on its first
 * item, ↑/↓/Home/End move, Escape closes it and gives focus back to the button, Tab or a click
 * elsewhere closes it. No positioning library: the menu hangs under the button, at its inline end.
 */
export function MenuButton({ label, button, children, className }: MenuButtonProps) {
  const [opened, setOpened] = useState(false);
  const hydrated = useHydrated();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const focusOnOpen = useRef<'first' | 'last' | null>(null);

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? []);
  const close = (returnFocus = true) => {
    setOpened(false);
    if (returnFocus) buttonRef.current?.focus();
  };
  const open = (focus: 'first' | 'last' | null) => {
    focusOnOpen.current = focus;
    setOpened(true);
  };

  useEffect(() => {
    if (!opened) return;
    const list = items();
    if (focusOnOpen.current === 'first') list[0]?.focus();
    if (focusOnOpen.current === 'last') list.at(-1)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpened(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [opened]);

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      open('last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') close(false);
  };

  return (
    <div className="menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={className ?? 'btn'}
        data-variant="subtle"
        aria-label={label}
        aria-haspopup="menu"
        disabled={!hydrated}
        aria-expanded={opened}
        aria-controls={opened ? menuId : undefined}
        onClick={() => (opened ? close(false) : open(null))}
        onKeyDown={onButtonKeyDown}
      >
        {button}
      </button>
      {opened ? (
        <div ref={menuRef} id={menuId} role="menu" aria-label={label} className="menu-dropdown" onKeyDown={onMenuKeyDown}>
          <CloseMenu value={close}>{children}</CloseMenu>
        </div>
      ) : null}
    </div>
  );
}

interface MenuItemProps {
  children: ReactNode;
  onSelect: () => void;
  icon?: ReactNode;
  disabled?: boolean;
  current?: boolean;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

export function MenuItem({ children, onSelect, icon, disabled, current, lang, dir }: MenuItemProps) {
  const close = use(CloseMenu);
  const choose = () => {
    close();
    onSelect();
  };
  return (
    <button type="button" role="menuitem" tabIndex={-1} className="menu-item" disabled={disabled} aria-current={current ? 'true' : undefined} lang={lang} dir={dir} onClick={choose}>
      {icon}
      <span>{children}</span>
    </button>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <div className="menu-label">{children}</div>;
}

export function MenuDivider() {
  return <hr className="menu-divider" />;
}
