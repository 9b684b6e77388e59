package dev.mtasts.lifecycle;

import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the domain should go: a policy to publish (its mode gives the state), mode none, or a
 * deletion.
 *
 * <pre>{@code
 * Target.of(MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 1209600\n"));
 * Target.modeNone();
 * Target.deleted();
 * }</pre>
 *
 * @param state {@link LifecycleState#TESTING}, {@link LifecycleState#ENFORCE},
 *     {@link LifecycleState#NONE} or {@link LifecycleState#DELETED}
 * @param policy the policy to publish, or {@code null} for {@link LifecycleState#DELETED}
 */
public record Target(LifecycleState state, @Nullable MtaStsPolicy policy) {
  /** The {@code max_age} of the turn-off policy: one day, as RFC 8461 §8.3 suggests. */
  public static final long MODE_NONE_MAX_AGE = 86_400L;

  /**
   * Validates that the state and the policy agree.
   *
   * @param state {@link LifecycleState#TESTING}, {@link LifecycleState#ENFORCE}, {@link
   *     LifecycleState#NONE} or {@link LifecycleState#DELETED}
   * @param policy the policy to publish, or {@code null} for {@link LifecycleState#DELETED}
   * @throws IllegalArgumentException for {@link LifecycleState#ABSENT} (a deleted domain becomes
   *     absent by itself), a deletion with a policy, or a policy whose mode is another state's
   */
  public Target {
    Objects.requireNonNull(state, "state");
    if (state == LifecycleState.ABSENT) {
      throw new IllegalArgumentException("ABSENT is not a target: delete (Target.deleted()) and the"
          + " domain becomes ABSENT once every cached policy has expired");
    }
    if (state == LifecycleState.DELETED) {
      if (policy != null) {
        throw new IllegalArgumentException("a deletion publishes no policy");
      }
    } else if (policy == null || LifecycleState.of(policy.mode()) != state) {
      throw new IllegalArgumentException("target " + state + " needs a policy with mode "
          + state.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /**
   * Returns the target of publishing a policy; its mode gives the state.
   *
   * @param policy the policy
   * @return the target
   */
  public static Target of(MtaStsPolicy policy) {
    return new Target(LifecycleState.of(policy.mode()), policy);
  }

  /**
   * Returns the documented turn-off: {@code mode: none}, {@code max_age: 86400}, no {@code mx}
   * (RFC 8461 §8.3).
   *
   * @return the target
   */
  public static Target modeNone() {
    return of(MtaStsPolicy.of(Mode.NONE, MODE_NONE_MAX_AGE, List.of()));
  }

  /**
   * Returns the target of removing the TXT record and the policy file.
   *
   * @return the target
   */
  public static Target deleted() {
    return new Target(LifecycleState.DELETED, null);
  }
}
