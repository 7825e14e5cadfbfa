// The app's stylesheets, in cascade order: Mantine's, then the app's own.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
