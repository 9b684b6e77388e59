/** Implementation of {@code dev.mtasts.tlsrpt.mail}; not an API. */
@NullMarked
package dev.mtasts.tlsrpt.mail.internal;

import org.jspecify.annotations.NullMarked;
