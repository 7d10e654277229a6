import type { PropsWithChildren } from 'react';
import { CARD_PAGE, fetchCardAhead } from './lib/card-fetch';
import { platform } from './lib/platform';
import './app.scss';

// Opened on the card tab, ask for the card now: the request runs while the page's code loads and
// renders (h5), instead of after it (lib/card-fetch.ts).
if (platform.launchPath() === CARD_PAGE) fetchCardAhead();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
