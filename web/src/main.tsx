import { render } from 'preact';
import './styles/index.scss';
import { App } from './app/App';
import { getLocale, loadInitialLocale } from './i18n';

loadInitialLocale().then(() => {
  document.documentElement.lang = getLocale();
  render(<App />, document.getElementById('app')!);
});
