// The app's stylesheets, in cascade order: Mantine's (those of the components the public pages and the
// application form use), the theme's variables, the public site's building blocks, then the app's own.
// The back office and the jury add styles-staff.ts.
import './mantine-public.css';
import './theme-variables.css';
import './site.css';
import './global.css';
