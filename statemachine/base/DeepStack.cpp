#include "base/DeepStack.h"

#include <cstddef>
#include <pthread.h>

namespace lab {
namespace {

// Address space only: the pages a job does not touch are never backed by memory.
constexpr std::size_t kDeepStackBytes = std::size_t{512} << 20;

struct Job {
    const std::function<void()>* job;
    std::exception_ptr error;
};

void* runJob(void* raw) {
    auto* job = static_cast<Job*>(raw);
    try {
        (*job->job)();
    } catch (...) {
        job->error = std::current_exception();
    }
    return nullptr;
}

} // namespace

void runOnDeepStack(const std::function<void()>& job) {
    Job state{&job, nullptr};
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, kDeepStackBytes);
    pthread_t thread;
    const int failed = pthread_create(&thread, &attributes, runJob, &state);
    pthread_attr_destroy(&attributes);
    if (failed != 0) { // no thread to be had: the caller's stack is the best there is
        runJob(&state);
    } else {
        pthread_join(thread, nullptr);
    }
    if (state.error)
        std::rethrow_exception(state.error);
}

} // namespace lab
