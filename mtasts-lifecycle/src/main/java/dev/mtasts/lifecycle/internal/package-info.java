/**
 * Implementation details of the lifecycle module; not part of the API.
 */
@NullMarked
package dev.mtasts.lifecycle.internal;

import org.jspecify.annotations.NullMarked;
