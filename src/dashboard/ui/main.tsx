/** Entry of the dashboard bundle: reads the server's configuration from the shell and mounts the app. */
import { render } from 'preact';
import { App, type DashboardConfig } from './app.js';
import './style.css';

const root = document.getElementById('app');
if (root !== null) {
  const config = JSON.parse(root.dataset.config ?? '{}') as DashboardConfig;
  render(<App config={config} />, root);
}
