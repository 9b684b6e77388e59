/**
 * The {@code _mta-sts} and {@code _smtp._tls} TXT records (RFC 8461 section 3.1, RFC 8460 section 3) and their DNS lookups.
 */
@NullMarked
package dev.mtasts.dns;

import org.jspecify.annotations.NullMarked;
