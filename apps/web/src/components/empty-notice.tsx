import type { ReactNode } from 'react';

/** "Nothing here yet", with an icon: the public pages' empty state. */
export function EmptyNotice({ icon, title, description, testId }: { icon: ReactNode; title: string; description: string; testId?: string }) {
  return (
    <div className="empty-state empty-notice" data-testid={testId}>
      <span className="icon-tile" aria-hidden="true">
        {icon}
      </span>
      <p className="text text-strong">{title}</p>
      <p className="text text-sm text-dimmed">{description}</p>
    </div>
  );
}
