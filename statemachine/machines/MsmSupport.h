#pragma once
// What both Boost.MSM machines (LifecycleMachine.cpp, RunFlowMachine.cpp) need around their
// transition tables, written once: a negated guard, the names a table row is read back with, and
// the step from an enum value to the one event type per value that MSM wants. C++17: only the
// MSM translation units include it.

#include <boost/msm/front/functor_row.hpp>
#include <string>
#include <type_traits>
#include <utility>

namespace lab::msmsupport {

/// The negation of a guard, named "!G".
template <class G> struct Not {
    static std::string name() { return "!" + G::name(); }
    template <class Evt, class Fsm, class Src, class Tgt>
    bool operator()(const Evt& evt, Fsm& fsm, Src& src, Tgt& tgt) const {
        return !G()(evt, fsm, src, tgt);
    }
};

/// The name of a row's guard or action type as the table shows it; empty for MSM's none.
template <class T> std::string nameOf() {
    if constexpr (std::is_same_v<T, boost::msm::front::none>)
        return {};
    else
        return T::name();
}

/// Sends Event<value>{&payload} to fsm. Values are the enum's 0..N-1 (N from the enum's list of
/// every enumerator, e.g. kCommands.size()); exactly one matches, and MSM sees its own type.
template <class Enum, template <Enum> class Event, class Fsm, class Payload, std::size_t... I>
void dispatchByEnum(Fsm& fsm, Enum value, const Payload& payload, std::index_sequence<I...>) {
    (void)((value == static_cast<Enum>(I)
                ? (fsm.process_event(Event<static_cast<Enum>(I)>{&payload}), true)
                : false) ||
           ...);
}

} // namespace lab::msmsupport
