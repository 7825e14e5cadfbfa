import type { NotificationData } from '@mantine/notifications';
import { loadMantineArea } from '../app/mantine-area-loader';

/**
 * Shows a notification from anywhere, the public pages' header included: the notifications come with
 * Mantine, loaded on first use if the page did not need it.
 */
export function notify(notification: NotificationData): void {
  void Promise.all([loadMantineArea(), import('@mantine/notifications')]).then(([, { notifications }]) => {
    notifications.show(notification);
  });
}
