import './app/zod-config';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import './features/meetings/meetings.css';
import { App } from './app/App';
import { applyStoredDisplayPrefs } from './features/display/use-display-prefs';
import { registerOfflineWorker } from './features/offline/offline';

applyStoredDisplayPrefs();
registerOfflineWorker();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(<App />);
