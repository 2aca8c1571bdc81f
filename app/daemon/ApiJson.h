#pragma once
// The Engine API's JSON shapes for what the engine holds (a container in a list, an image, the
// daemon's version and info), what a create body asks for, and which status code Docker gives
// each kind of refusal. The rules stay in the engine; this file only spells its answers.

#include "base/Expected.h"
#include "cli/Flags.h"
#include "daemon/ApiRequest.h"
#include "engine/Engine.h"

#include <nlohmann/json.hpp>

namespace lab::daemon {

/// One element of GET /containers/json (types.Container).
nlohmann::json containerSummary(const Container& container, const Engine& engine, TimePoint now,
                                bool size);
/// One element of GET /images/json (types.ImageSummary).
nlohmann::json imageSummary(const Image& image);
/// GET /version.
nlohmann::json versionJson(const Engine& engine);
/// GET /info.
nlohmann::json infoJson(const Engine& engine);

/// POST /containers/create's body (container.Config with HostConfig) as the engine's request;
/// unknown fields are ignored, as Docker's decoder does.
Expected<CreateRequest, RequestError> createRequestFrom(const std::string& body,
                                                        const std::string& name);
/// POST /containers/{id}/update's body (container.UpdateConfig) as the engine's request.
Expected<UpdateRequest, RequestError> updateRequestFrom(const std::string& body);
/// The filters parameter: {"status":{"exited":true}} (or the older {"status":["exited"]}).
Expected<cli::FilterArgs, RequestError> filtersFrom(const std::string& text);

/// Docker's status for an engine error: 404 not found, 409 conflict, 400 invalid, else 500.
int statusFor(const Error& error);
/// Docker's status for a refused call, by the machine's refusal.
int statusFor(const Call& call);

/// Docker's stdcopy framing of bytes for a stream without a TTY: [1 stdout or 2 stderr, 0, 0, 0,
/// size big-endian] and the bytes.
std::string stdcopyFrame(bool isStderr, const std::string& bytes);
/// Unix seconds of an engine time.
std::int64_t unixSeconds(TimePoint at);
/// A JSON document as Docker's encoder writes it: compact, with a final newline.
std::string document(const nlohmann::json& value);

} // namespace lab::daemon
