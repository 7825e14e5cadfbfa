import { Notifications } from '@mantine/notifications';

/** Where notifications show (loaded with the first one: most visits never need it). */
export default function NotificationsHost() {
  return <Notifications position="top-center" />;
}
