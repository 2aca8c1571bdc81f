#pragma once
// What a reaction of a container's machine means, in plain words and underneath: one table of
// texts keyed by what happened (the row's command or outcome, and where it led), so the words
// live in one place, as data, and a test can walk them.

#include "engine/Container.h"

#include <QString>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace lab {

/// What an explanation is about: a row's trigger (its command or outcome), or a verdict that
/// does not move the container (Refused, NotModified).
using ExplanationKey = std::variant<Command, Outcome, Verdict>;
/// The key of a row's trigger.
ExplanationKey explanationKey(const Trigger& trigger);

/// One entry of the table: when `when` led to target (any target when unset), say headline and
/// underneath. Both may name {name}, {command}, {exit}, {backoff}, {restarts}, {error}, {state}:
/// filled from the container.
struct ExplanationText {
    ExplanationKey when;
    std::optional<LifecycleState> target;
    const char* headline;
    const char* underneath;
};

/// Every entry, most specific first.
const std::vector<ExplanationText>& explanationTexts();

/// The entry that explains reaction: keyed by its row's outcome, or for a command by its verdict
/// when refused or a no-op and by the command otherwise; nullptr when none fits.
const ExplanationText* explanationFor(const Reaction& reaction);

/// A reaction told for a learner.
struct Explanation {
    QString headline;   ///< what just happened, in plain words
    QString underneath; ///< what it means: the kernel and the daemon at work
};

/// Explains how container's machine reacted (container is as the reaction left it).
Explanation explain(const Container& container, const Reaction& reaction);

} // namespace lab
