#pragma once
// The real backend's pulls in flight: each on a worker thread of its own (RegistryFetch), whose
// news is queued and handed to the engine on the clock's thread: the worker writes an eventfd
// the RealClock watches, and the clock's callback applies the news to the RegistryPull the run
// flow waits on. A pull nobody waits for any more (Ctrl-C) is cancelled; the destructor cancels
// and joins every worker, so no thread or socket outlives the backend.

#include "RealClock.h"
#include "RegistryHttp.h"
#include "UniqueFd.h"
#include "engine/RegistryPull.h"

#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace lab::real {

/// Every pull of one backend.
class RegistryPulls {
public:
    /// Pulls whose news reach the engine on clock (through an eventfd it watches while any is in
    /// flight).
    static Expected<std::unique_ptr<RegistryPulls>> open(RealClock& clock);
    /// Cancels and joins every pull.
    ~RegistryPulls();
    RegistryPulls(const RegistryPulls&) = delete;
    RegistryPulls& operator=(const RegistryPulls&) = delete;

    /// Starts pulling request's image; the pull is filled in on the clock's thread.
    std::shared_ptr<RegistryPull> start(const RegistryPullRequest& request);

private:
    struct Worker;
    using News = std::function<void(RegistryPull&)>;
    RegistryPulls(RealClock& clock, UniqueFd wakeFd);
    void post(Worker& worker, News news, bool last); // any thread
    void deliver();                                  // the clock's thread

    RealClock& m_clock;
    UniqueFd m_wakeFd;
    std::list<std::unique_ptr<Worker>> m_workers;
    std::mutex m_mutex; // guards m_news
    struct Posted {
        Worker* worker;
        News news;
        bool last;
    };
    std::vector<Posted> m_news;
};

} // namespace lab::real
