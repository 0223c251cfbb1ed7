import { describe, expect, it } from '@jest/globals';
import { SEARCH_KINDS } from '@phonghop/shared';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { kindLabel } from './search-kind';

/** i18next's lookup and {{name}} interpolation, enough for these labels. */
const translator = (resources: object) => (key: string, vars: Record<string, unknown> = {}) => {
  const template = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], resources);
  if (typeof template !== 'string') throw new Error(`missing ${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name]));
};

describe('search kind labels', () => {
  const t = translator(vi);

  it('names each kind in Vietnamese', () => {
    expect(kindLabel({ kind: 'meeting', page: null }, t)).toBe('Cuộc họp');
    expect(kindLabel({ kind: 'agenda_item', page: null }, t)).toBe('Nội dung họp');
    expect(kindLabel({ kind: 'minutes', page: null }, t)).toBe('Biên bản');
  });

  it('names the page a document hit opens at, or the document alone when only its title matched', () => {
    expect(kindLabel({ kind: 'document', page: 4 }, t)).toBe('Tài liệu — trang 4');
    expect(kindLabel({ kind: 'document', page: null }, t)).toBe('Tài liệu');
  });

  it('has a label for every kind the server sends, in both languages', () => {
    for (const resources of [vi, en]) {
      for (const kind of SEARCH_KINDS) expect(kindLabel({ kind, page: 2 }, translator(resources)).length).toBeGreaterThan(0);
    }
    expect(kindLabel({ kind: 'document', page: 3 }, translator(en))).toBe('Document — page 3');
  });
});
