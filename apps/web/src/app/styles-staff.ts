// Mantine's stylesheets for the components only the back office and the jury's screens use: imported by
// those screens' code, so a visitor of the public site never downloads them.
import './mantine-staff.css';
