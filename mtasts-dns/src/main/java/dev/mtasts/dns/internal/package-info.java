/**
 * Implementation details of the DNS module; not part of the API.
 */
@NullMarked
package dev.mtasts.dns.internal;

import org.jspecify.annotations.NullMarked;
