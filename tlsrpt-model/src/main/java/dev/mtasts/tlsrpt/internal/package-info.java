/**
 * Implementation details of the TLS-RPT module; not part of the API.
 */
@NullMarked
package dev.mtasts.tlsrpt.internal;

import org.jspecify.annotations.NullMarked;
