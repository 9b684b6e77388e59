package dev.mtasts.lifecycle;

import dev.mtasts.dns.PolicyId;
import java.time.Duration;
import dev.mtasts.lifecycle.internal.Times;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One concrete thing a person (or an automation) does while carrying out a {@link Plan}, with the
 * exact artifact it needs: the policy file text, the TXT record value, the instant a wait ends.
 * {@link #instruction()} says it in words.
 */
public sealed interface Step
    permits Step.PublishTlsRpt, Step.UploadPolicy, Step.VerifyServed, Step.PublishTxt,
        Step.RemoveTxt, Step.RemovePolicyFile, Step.Wait {

  /**
   * Returns what to do, in words, with the exact values.
   *
   * @return the instruction
   */
  String instruction();

  /**
   * Publish the TLS-RPT record, so that senders report what they see under the testing policy
   * (RFC 8460 §3); without reports, the enforce guard has no evidence.
   *
   * @param name the record name, {@code _smtp._tls.<domain>}
   * @param value the record text, such as {@code v=TLSRPTv1; rua=mailto:tlsrpt@example.com}
   */
  record PublishTlsRpt(String name, String value) implements Step {
    /**
     * Validates the components.
     *
     * @param name the record name
     * @param value the record text
     */
    public PublishTlsRpt {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String instruction() {
      return "Publish the TXT record " + name + " with \"" + value + "\" and make sure the rua"
          + " mailbox accepts mail: senders then send a TLS-RPT report for each day they deliver"
          + " mail (RFC 8460 §3), the evidence the enforce check reads";
    }
  }

  /**
   * Upload a new policy file. Always the first step of a change: the file must be served before
   * any sender can see the new id (RFC 8461 §8.1).
   *
   * @param url {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}
   * @param policyText the exact file body
   */
  record UploadPolicy(String url, String policyText) implements Step {
    /**
     * Validates the components.
     *
     * @param url {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}
     * @param policyText the exact file body
     */
    public UploadPolicy {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(policyText, "policyText");
    }

    @Override
    public String instruction() {
      return "Upload the new policy file so that " + url + " serves exactly:\n" + policyText;
    }
  }

  /**
   * Check that the new file is what the URL serves, as a sender would fetch it. Only then may the
   * id change: a sender that sees the new id while the old file is still served caches the old
   * policy under the new id and does not fetch again until it expires.
   *
   * @param url the policy URL
   * @param expectedText the exact body it must serve
   */
  record VerifyServed(String url, String expectedText) implements Step {
    /**
     * Validates the components.
     *
     * @param url the policy URL
     * @param expectedText the exact body it must serve
     */
    public VerifyServed {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(expectedText, "expectedText");
    }

    @Override
    public String instruction() {
      return "Fetch " + url + " over HTTPS (certificate valid for the mta-sts host, status 200,"
          + " Content-Type text/plain, no redirect) and check that it serves exactly:\n"
          + expectedText;
    }
  }

  /**
   * Set the {@code _mta-sts} TXT record to a new id, which tells senders to fetch the new policy.
   *
   * @param name the record name, {@code _mta-sts.<domain>}
   * @param value the exact record value
   * @param id the new id
   * @param replaces the id it replaces, or {@code null} on a first deployment
   */
  record PublishTxt(String name, String value, PolicyId id, @Nullable PolicyId replaces)
      implements Step {
    /**
     * Validates the components.
     *
     * @param name the record name, {@code _mta-sts.<domain>}
     * @param value the exact record value
     * @param id the new id
     * @param replaces the id it replaces, or {@code null} on a first deployment
     * @throws IllegalArgumentException if the new id equals the one it replaces
     */
    public PublishTxt {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(id, "id");
      if (id.equals(replaces)) {
        throw new IllegalArgumentException("the new id " + id.value() + " equals the current one;"
            + " senders would not fetch the new policy");
      }
    }

    @Override
    public String instruction() {
      return (replaces == null ? "Publish the TXT record " : "Change the TXT record ") + name
          + " to \"" + value + "\"" + (replaces == null ? "" : " (it was id=" + replaces.value()
          + ")");
    }
  }

  /**
   * Delete the {@code _mta-sts} TXT record.
   *
   * @param name the record name
   * @param currentValue the value being removed
   */
  record RemoveTxt(String name, String currentValue) implements Step {
    /**
     * Validates the components.
     *
     * @param name the record name
     * @param currentValue the value being removed
     */
    public RemoveTxt {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(currentValue, "currentValue");
    }

    @Override
    public String instruction() {
      return "Delete the TXT record " + name + " (now \"" + currentValue + "\")";
    }
  }

  /**
   * Stop serving the policy file. Senders refresh cached policies from it even without a TXT
   * record (RFC 8461 §3.3), so while it is served their caches never run out.
   *
   * @param url the policy URL
   */
  record RemovePolicyFile(String url) implements Step {
    /**
     * Validates the components.
     *
     * @param url the policy URL
     */
    public RemovePolicyFile {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String instruction() {
      return "Stop serving " + url + " (answer 404, or remove the mta-sts host)";
    }
  }

  /**
   * Wait. The wait ends at {@code until} or {@code afterPreviousStep} after the previous step was
   * actually done, whichever is later: the plan computes {@code until} as if every step were done
   * at planning time.
   *
   * @param until when the wait ends if the previous steps are done at planning time
   * @param afterPreviousStep the minimum time after the previous step is done
   * @param reason why, and what is in effect after it
   */
  record Wait(Instant until, Duration afterPreviousStep, String reason) implements Step {
    /**
     * Validates the components.
     *
     * @param until when the wait ends if the previous steps are done at planning time
     * @param afterPreviousStep the minimum time after the previous step is done
     * @param reason why, and what is in effect after it
     */
    public Wait {
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(afterPreviousStep, "afterPreviousStep");
      Objects.requireNonNull(reason, "reason");
      if (afterPreviousStep.isNegative()) {
        throw new IllegalArgumentException("negative wait " + afterPreviousStep);
      }
    }

    /**
     * Returns when the wait ends given when the previous step was done.
     *
     * @param previousDone when the previous step was done (or the plan started)
     * @return the later of {@code until} and {@code previousDone + afterPreviousStep}
     */
    public Instant endsAt(Instant previousDone) {
      Instant relative = previousDone.plus(afterPreviousStep);
      return relative.isAfter(until) ? relative : until;
    }

    @Override
    public String instruction() {
      return "Wait until " + Times.format(until) + ": " + reason;
    }
  }
}
