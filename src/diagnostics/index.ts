export { codeFrame } from './code-frame.ts';
export { ERROR_CODES, type ErrorCode } from './codes.ts';
export { BrianError, userCallSite } from './diagnostic.ts';
export { joinSpans, SourceText, type Span, span } from './span.ts';
