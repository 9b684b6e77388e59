/** Implementation of the sender module; not an API. */
@NullMarked
package dev.mtasts.sender.internal;

import org.jspecify.annotations.NullMarked;
