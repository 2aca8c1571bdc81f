#include "RegistryPulls.h"

#include "RegistryFetch.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <sys/eventfd.h>
#include <unistd.h>

namespace lab::real {

struct RegistryPulls::Worker {
    std::weak_ptr<RegistryPull> pull; // gone: nobody waits for it any more
    RegistryHttp http;
    std::thread thread;
};

namespace {

// The fetch's news, posted for the clock's thread.
class PostedNews final : public PullNews {
public:
    PostedNews(const RealClock& clock, std::function<void(std::function<void(RegistryPull&)>)> post)
        : m_clock(clock), m_post(std::move(post)) {}
    void manifestFound(const std::string& digest) override {
        m_post([digest](RegistryPull& pull) {
            pull.manifestFound = true;
            pull.digest = digest;
        });
    }
    void progress(std::vector<std::string> lines) override {
        m_post([lines = std::move(lines)](RegistryPull& pull) {
            pull.progress.insert(pull.progress.end(), lines.begin(), lines.end());
        });
    }
    void layersFound(std::vector<LayerPull> layers) override {
        m_post([layers = std::move(layers)](RegistryPull& pull) { pull.layers = layers; });
    }
    void layerMoved(std::size_t index, LayerPull layer) override {
        m_post([index, layer = std::move(layer)](RegistryPull& pull) {
            LayerPull& known = pull.layers.at(index);
            known.downloadStart = layer.downloadStart;
            known.downloaded = layer.downloaded;
            known.extractStart = layer.extractStart;
            known.extracted = layer.extracted;
            known.received.insert(known.received.end(), layer.received.begin(),
                                  layer.received.end());
        });
    }
    // The wall clock: reading it is safe on any thread.
    TimePoint now() const override { return m_clock.now(); }

private:
    const RealClock& m_clock;
    std::function<void(std::function<void(RegistryPull&)>)> m_post;
};

} // namespace

Expected<std::unique_ptr<RegistryPulls>> RegistryPulls::open(RealClock& clock) {
    UniqueFd wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!wakeFd)
        return Error{std::string("eventfd for the pulls: ") + std::strerror(errno)};
    return std::unique_ptr<RegistryPulls>(new RegistryPulls(clock, std::move(wakeFd)));
}

RegistryPulls::RegistryPulls(RealClock& clock, UniqueFd wakeFd)
    : m_clock(clock), m_wakeFd(std::move(wakeFd)) {}

RegistryPulls::~RegistryPulls() {
    for (auto& worker : m_workers)
        worker->http.cancel();
    for (auto& worker : m_workers)
        worker->thread.join();
    if (!m_workers.empty())
        m_clock.unwatch(m_wakeFd.get());
}

std::shared_ptr<RegistryPull> RegistryPulls::start(const RegistryPullRequest& request) {
    auto pull = std::make_shared<RegistryPull>();
    if (m_workers.empty()) // the clock watches the eventfd only while pulls are in flight
        if (Status watched = m_clock.watch(m_wakeFd.get(), [this] { deliver(); }); !watched) {
            pull->failure = watched.error();
            return pull;
        }
    m_workers.push_back(std::make_unique<Worker>());
    Worker& worker = *m_workers.back();
    worker.pull = pull;
    worker.thread = std::thread([this, &worker, request] {
        PostedNews news(m_clock,
                        [this, &worker](News item) { post(worker, std::move(item), false); });
        auto fetched = fetchImage(worker.http, request.reference, request.localImageId, news);
        post(
            worker,
            [fetched = std::move(fetched)](RegistryPull& done) mutable {
                if (!fetched)
                    done.failure = fetched.error();
                else if (fetched->upToDate)
                    done.upToDate = true;
                else
                    done.image = std::move(fetched->image);
            },
            true);
    });
    return pull;
}

void RegistryPulls::post(Worker& worker, News news, bool last) {
    {
        std::lock_guard lock(m_mutex);
        m_news.push_back({&worker, std::move(news), last});
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(m_wakeFd.get(), &one, sizeof one);
}

void RegistryPulls::deliver() {
    std::uint64_t count = 0;
    [[maybe_unused]] const auto read = ::read(m_wakeFd.get(), &count, sizeof count);
    std::vector<Posted> news;
    {
        std::lock_guard lock(m_mutex);
        news.swap(m_news);
    }
    for (Posted& item : news) {
        const auto pull = item.worker->pull.lock();
        if (pull)
            item.news(*pull);
        else
            item.worker->http.cancel();
        if (item.last) { // the worker has nothing more to do: it ends now
            item.worker->thread.join();
            m_workers.remove_if([&](const auto& worker) { return worker.get() == item.worker; });
            if (m_workers.empty())
                m_clock.unwatch(m_wakeFd.get());
        }
    }
}

} // namespace lab::real
