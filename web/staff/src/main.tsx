import { render } from 'preact';
import { Root } from './app.tsx';

render(<Root />, document.getElementById('root')!);
