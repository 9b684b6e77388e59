/**
 * MTA-STS policy files (RFC 8461 section 3.2): the model, the parser, the serializer, MX matching and lint.
 */
@NullMarked
package dev.mtasts.policy;

import org.jspecify.annotations.NullMarked;
