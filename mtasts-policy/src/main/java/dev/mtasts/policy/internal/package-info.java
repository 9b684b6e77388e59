/**
 * Implementation details of the policy module; not part of the API.
 */
@NullMarked
package dev.mtasts.policy.internal;

import org.jspecify.annotations.NullMarked;
