/**
 * Jackson read limits and errors translated once for every module that reads JSON with Jackson's
 * streaming parser (TLS-RPT reports, the lifecycle's publication history): which limit a document
 * broke, told by type rather than by the words of Jackson's message, and the message, line and
 * column without the document's own text, and one wording for the kind of value a token starts.
 * Not part of the API; exported only to sibling modules.
 */
@NullMarked
package dev.mtasts.tlsrpt.internal.json;

import org.jspecify.annotations.NullMarked;
