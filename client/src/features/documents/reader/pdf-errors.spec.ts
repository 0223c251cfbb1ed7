import { describe, expect, it } from '@jest/globals';
import { classifyPdfError } from './pdf-errors';

const err = (name: string, extra: object = {}) => Object.assign(new Error('x'), { name }, extra);

describe('classifying a failure to open a document', () => {
  it('a password-protected file', () => {
    expect(classifyPdfError(err('PasswordException', { code: 1 }))).toBe('password');
  });
  it('a damaged file', () => {
    expect(classifyPdfError(err('InvalidPDFException'))).toBe('damaged');
  });
  it('no access: the server answered 401/403', () => {
    expect(classifyPdfError(err('ResponseException', { status: 403 }))).toBe('denied');
    expect(classifyPdfError(err('ResponseException', { status: 401 }))).toBe('denied');
  });
  it('gone: 404', () => {
    expect(classifyPdfError(err('ResponseException', { status: 404 }))).toBe('missing');
  });
  it('the network: a failed fetch or a 5xx', () => {
    expect(classifyPdfError(err('TypeError'))).toBe('network');
    expect(classifyPdfError(err('ResponseException', { status: 502 }))).toBe('network');
  });
  it('a failed fetch wrapped by the pdf.js worker is the network too (Chrome, Firefox, Safari wording)', () => {
    expect(classifyPdfError(err('UnknownErrorException', { message: 'Failed to fetch' }))).toBe('network');
    expect(classifyPdfError(err('UnknownErrorException', { message: 'NetworkError when attempting to fetch resource.' }))).toBe('network');
    expect(classifyPdfError(err('UnknownErrorException', { message: 'Load failed' }))).toBe('network');
  });
  it('anything else', () => {
    expect(classifyPdfError(new Error('boom'))).toBe('unknown');
    expect(classifyPdfError(null)).toBe('unknown');
    expect(classifyPdfError('text')).toBe('unknown');
  });
});
