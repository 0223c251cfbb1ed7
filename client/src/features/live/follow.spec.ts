import { describe, expect, it } from '@jest/globals';
import { browseTo, FOLLOWING, type Follow, shownPage } from './follow';

const p3 = { documentId: 'd1', version: 2, page: 3 };

describe('following the presenter', () => {
  it('shows the presented page while following, and nothing when nothing is presented', () => {
    expect(shownPage(FOLLOWING, p3)).toEqual(p3);
    expect(shownPage(FOLLOWING, null)).toBeNull();
  });

  it('detaches when the member turns a page, and then ignores the presenter', () => {
    const mine = browseTo(FOLLOWING, p3, 7, 7);
    expect(mine).toEqual({ mode: 'detached', at: { documentId: 'd1', version: 2, page: 7 } });
    expect(shownPage(mine, { ...p3, page: 4 })).toEqual({ documentId: 'd1', version: 2, page: 7 });
    expect(shownPage(mine, null)).toEqual({ documentId: 'd1', version: 2, page: 7 });
  });

  it('keeps browsing from its own page once detached', () => {
    const mine: Follow = { mode: 'detached', at: { ...p3, page: 6 } };
    expect(browseTo(mine, { ...p3, page: 1 }, 5, 7)).toEqual({ mode: 'detached', at: { ...p3, page: 5 } });
  });

  it('clamps to the document and stays put at its ends', () => {
    expect(browseTo(FOLLOWING, p3, 99, 7)).toEqual({ mode: 'detached', at: { ...p3, page: 7 } });
    expect(browseTo(FOLLOWING, { ...p3, page: 7 }, 8, 7)).toBe(FOLLOWING);
    expect(browseTo(FOLLOWING, { ...p3, page: 1 }, 0, 7)).toBe(FOLLOWING);
  });

  it('has nothing to browse when nothing is presented', () => {
    expect(browseTo(FOLLOWING, null, 2, 7)).toBe(FOLLOWING);
  });
});
