#include "engine/Engine.h"

#include "base/Limits.h"
#include "docker/ContainerNames.h"
#include "docker/Signals.h"
#include "engine/ResourceLimits.h"
#include "machines/RestartManager.h"

#include <algorithm>
#include <cstdio>

namespace lab {
namespace {

bool allDigits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

Engine::Engine(Backend& backend, Clock& clock, const World& world, std::uint64_t seed)
    : m_backend(backend), m_clock(clock), m_registries(world.registries), m_random(seed) {
    m_backend.setSink(*this);
    for (const LocalImageSpec& local : world.images)
        for (const std::string& tag : local.tags)
            if (auto reference = docker::parseImageReference(tag, docker::ReferenceGrammar::Engine))
                m_backend.imageNamed(m_images.add(local.image, *reference, m_clock.now()).id,
                                     reference->full());
}

Engine::~Engine() = default;

// --- containers -------------------------------------------------------------------------------

std::string Engine::newId() {
    // Docker draws 32 random bytes and draws again when the short ID would read as a number.
    for (;;) {
        std::string id;
        for (int i = 0; i < 4; ++i) {
            char chunk[17];
            std::snprintf(chunk, sizeof chunk, "%016llx",
                          static_cast<unsigned long long>(m_random()));
            id += chunk;
        }
        if (!allDigits(id.substr(0, 12)) && !m_byId.contains(id))
            return id;
    }
}

std::string Engine::newName(const std::string& id) {
    docker::ContainerNameGenerator generator(m_random);
    return generator.nameFor(
        id, [this](std::string_view name) { return m_idByName.contains(std::string(name)); });
}

Expected<Container*> Engine::create(CreateRequest request) {
    ContainerConfig& config = request.config;
    // The daemon's order: host settings, the image, the merged command, then the name.
    auto policy = validateRestartPolicy(request.restart, config.autoRemove);
    if (!policy)
        return policy.error();
    config.restartPolicy = *policy;
    if (auto limits = checkLimits(config.limits, m_backend.cpus(), false); !limits)
        return limits.error();
    config.limits = limitsAtCreate(config.limits);

    auto found = findImage(config.image);
    if (!found)
        return found.error();
    const Image* image = *found;

    // daemon/commit.go merge(): without --entrypoint the image's entrypoint applies, and its
    // cmd too when the user gave none; --entrypoint drops the image's cmd.
    if (request.entrypoint) {
        config.entrypoint = *request.entrypoint;
    } else {
        config.entrypoint = image->spec.entrypoint;
        if (config.cmd.empty())
            config.cmd = image->spec.cmd;
    }
    if (config.cmd.empty() && config.entrypoint.empty())
        return Error{"No command specified"};
    if (config.stopSignal.empty())
        config.stopSignal = image->spec.stopSignal;
    config.imageId = image->id;

    auto container = std::make_unique<Container>();
    container->id = newId();
    if (request.name.empty()) {
        request.name = newName(container->id);
    } else {
        if (auto valid = docker::validateContainerName(request.name); !valid)
            return valid.error();
        // The daemon stores names with one leading slash, which a user may also type.
        if (request.name.starts_with('/'))
            request.name.erase(0, 1);
        if (auto taken = m_idByName.find(request.name); taken != m_idByName.end())
            return Error{
                "Conflict. The container name \"/" + request.name +
                    "\" is already in use by container \"" + taken->second +
                    "\". You have to remove (or rename) that container to be able to reuse "
                    "that name.",
                ErrorCode::Conflict};
    }
    container->name = request.name;
    container->config = config;
    container->imageFiles = image->spec.files;
    container->imageDeletedFiles = image->spec.deletedFiles;
    container->created = m_clock.now();
    container->record.restartPolicy = config.restartPolicy;
    container->record.autoRemove = config.autoRemove;
    container->record.hasCustomStopSignal = !config.stopSignal.empty();
    container->record.stopTimeout = defaultStopTimeout(*container);
    if (!config.stopSignal.empty()) {
        auto number = docker::parseSignal(config.stopSignal);
        if (!number)
            return number.error();
        container->record.stopSignal = int(*number);
    }

    if (config.limits != ResourceLimits{})
        if (auto applied = m_backend.applyLimits(*container, config.limits); !applied)
            return applied.error();
    if (auto prepared = m_backend.prepare(*container); !prepared)
        return prepared.error();

    Container& created = *container;
    m_idByName[created.name] = created.id;
    created.sequence = m_nextSequence++;
    m_creationOrder.emplace(created.sequence, &created);
    m_byId.emplace(created.id, std::move(container));
    const Reaction reaction =
        created.machine.handle(CommandEvent{Command::Create, m_clock.now()}, created.record);
    apply(created, reaction, nullptr);
    return &created;
}

Expected<Container*> Engine::find(std::string_view reference) {
    if (reference.empty())
        return Error{"invalid name or ID supplied: \"\"", ErrorCode::Invalid};
    const std::string key(reference);
    if (auto exact = m_byId.find(key); exact != m_byId.end())
        return exact->second.get();
    const std::string name = key.front() == '/' ? key.substr(1) : key;
    if (auto named = m_idByName.find(name); named != m_idByName.end())
        return m_byId.at(named->second).get();
    // A unique ID prefix.
    Container* match = nullptr;
    for (const auto& [sequence, container] : m_creationOrder) {
        if (!container->id.starts_with(key))
            continue;
        if (match)
            return Error{"Multiple IDs found with provided prefix: " + key, ErrorCode::Invalid};
        match = container;
    }
    if (match)
        return match;
    return Error{"No such container: " + key, ErrorCode::NotFound};
}

Container* Engine::byId(const std::string& id) {
    auto found = m_byId.find(id);
    return found == m_byId.end() ? nullptr : found->second.get();
}

std::vector<const Container*> Engine::containers() const {
    std::vector<const Container*> newestFirst;
    newestFirst.reserve(m_creationOrder.size());
    for (auto entry = m_creationOrder.rbegin(); entry != m_creationOrder.rend(); ++entry)
        newestFirst.push_back(entry->second);
    return newestFirst;
}

Status Engine::rename(Container& container, const std::string& typedName) {
    // A leading slash is Docker's own way of writing names, and accepted as such.
    const std::string newName = typedName.starts_with('/') ? typedName.substr(1) : typedName;
    if (newName == container.name)
        return Error{"Renaming a container with the same name as its current name"};
    // On rename the daemon validates the name with its slash, so the error quotes it.
    if (auto valid = docker::validateContainerName(newName); !valid)
        return Error{"Error when allocating new name: Invalid container name (/" + newName +
                         "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
                     ErrorCode::Invalid};
    if (auto taken = m_idByName.find(newName); taken != m_idByName.end())
        return Error{
            "Error when allocating new name: Conflict. The container name \"/" + newName +
                "\" is already in use by container \"" + taken->second +
                "\". You have to remove (or rename) that container to be able to reuse that "
                "name.",
            ErrorCode::Conflict};
    const std::string oldName = container.name;
    const Reaction reaction =
        container.machine.handle(CommandEvent{Command::Rename, m_clock.now()}, container.record);
    if (reaction.verdict == Verdict::Refused)
        return Error{refusalText(*reaction.refusal, container.id, oldName, reaction.detail)};
    m_idByName.erase(oldName);
    m_idByName[newName] = container.id;
    container.name = newName;
    for (EngineObserver* observer : m_observers)
        observer->reacted(container, reaction, nullptr);
    publish(container, DockerAction::Rename, nullptr, {{"oldName", "/" + oldName}});
    return Ok{};
}

void Engine::attach(Container& container) {
    logEvent(containerEvent(container, "attach"));
}

void Engine::resize(const Container& container, int height, int width) {
    DockerEvent event = containerEvent(container, "resize");
    event.attributes["height"] = std::to_string(height);
    event.attributes["width"] = std::to_string(width);
    logEvent(std::move(event));
}

void Engine::publishImageEvent(const std::string& action, const std::string& reference,
                               std::map<std::string, std::string> attributes) {
    logEvent(DockerEvent{m_clock.now(), "image", action, reference, std::move(attributes)});
}

DockerEvent Engine::containerEvent(const Container& container, const std::string& action) const {
    // Every container event carries the labels, the image as given and the name.
    DockerEvent event{m_clock.now(), "container", action, container.id, container.config.labels};
    event.attributes["image"] = container.config.image;
    event.attributes["name"] = container.name;
    return event;
}

void Engine::logEvent(DockerEvent event) {
    if (m_events.size() == limits::kEngineEvents) // the oldest quarter goes at once
        m_events.erase(m_events.begin(), m_events.begin() + limits::kEngineEvents / 4);
    m_events.push_back(std::move(event));
    for (EngineObserver* observer : m_observers)
        observer->published(m_events.back());
}

void Engine::publishRunFlow(const RunFlowReport& report) {
    for (EngineObserver* observer : m_observers)
        observer->runFlowMoved(report);
}

void Engine::addObserver(EngineObserver& observer) {
    m_observers.push_back(&observer);
}

void Engine::removeObserver(EngineObserver& observer) {
    std::erase(m_observers, &observer);
}

std::vector<std::string>
Engine::completePull(const ImageSpec& spec, const ImageReference& reference, const PullPlan& plan) {
    const bool wasLocal = m_images.find(reference) != nullptr;
    Image& image = m_images.add(spec, reference, m_clock.now());
    return finishPull(image, reference, plan.digest, plan.upToDate && wasLocal);
}

std::shared_ptr<RegistryPull> Engine::startPull(const ImageReference& reference) {
    const Image* local = m_images.find(reference);
    return m_backend.pull({reference, local ? local->id : std::string()});
}

Expected<std::vector<std::string>> Engine::completePull(const RegistryPull& pull,
                                                        const ImageReference& reference) {
    if (const Image* local = m_images.find(reference); pull.upToDate && local) {
        Image& image = m_images.storeArchived(local->spec, local->id, {}, m_clock.now());
        return finishPull(image, reference, pull.digest, true);
    }
    if (!pull.image)
        return Error{"the pull of " + reference.familiar() + " brought no image"};
    ArchiveImage named = *pull.image;
    named.tags = {reference};
    if (Status stored = m_backend.storeImage(named); !stored)
        return stored.error();
    std::vector<std::string> diffIds;
    for (const ArchiveLayer& layer : named.layers)
        diffIds.push_back(layer.diffId);
    Image& image = m_images.storeArchived(named.spec, named.id, diffIds, m_clock.now());
    m_images.tag(image, reference);
    return finishPull(image, reference, pull.digest, false);
}

std::vector<std::string> Engine::finishPull(Image& image, const ImageReference& reference,
                                            const std::string& digest, bool upToDate) {
    image.repoDigest = digest;
    publishImageEvent("pull", reference.familiar(), {{"name", reference.familiarName()}});
    return {"Digest: " + digest, (upToDate ? "Status: Image is up to date for "
                                           : "Status: Downloaded newer image for ") +
                                     reference.familiar()};
}

bool Engine::runUntil(const std::function<bool()>& done, Duration limit) {
    const TimePoint deadline = m_clock.now() + limit;
    while (!done()) {
        if (m_clock.idleUntil(deadline)) // waiting would change nothing but the time
            return false;
        if (!m_clock.advance(deadline))
            return false;
    }
    return true;
}

Status Engine::canInject(Fault fault, const Container* target) const {
    switch (fault) {
    case Fault::NextRemovalFails: {
        const std::vector<Fault> armed = m_backend.armedFaults();
        if (std::find(armed.begin(), armed.end(), fault) != armed.end())
            return Error{"armed: the next removal fails and leaves its container dead"};
        return Ok{};
    }
    case Fault::OutOfMemory: {
        if (!target)
            return Error{"the OOM killer needs a running container"};
        const LifecycleState state = target->machine.node();
        const auto& table = LifecycleMachine::table();
        const bool hasRow = std::any_of(table.begin(), table.end(), [&](const TableRow& row) {
            return row.source == state && row.trigger == Trigger{Outcome::OutOfMemory};
        });
        if (!hasRow)
            return Error{"only a running process can run out of memory: " + target->name + " is " +
                         std::string(nodeName(state))};
        return Ok{};
    }
    }
    return Error{"unknown fault"};
}

Status Engine::injectFault(Fault fault, Container* target) {
    if (Status allowed = canInject(fault, target); !allowed)
        return allowed;
    return m_backend.injectFault(fault, target);
}

} // namespace lab
