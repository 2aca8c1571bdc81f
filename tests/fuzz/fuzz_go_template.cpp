// Go templates as `docker ps --format` and `docker inspect -f` take them: parsed, then run on a
// row with methods, maps, lists and numbers.
#include "docker/GoTemplate.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using lab::docker::TemplateValue;
    const auto parsed =
        lab::docker::GoTemplate::parse(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!parsed)
        return 0;
    static const TemplateValue row = TemplateValue::structure(
        "*formatter.ContainerContext",
        {{"Names", "web"},
         {"Size", std::int64_t{42}},
         {"Labels", TemplateValue::map({{"a", "b"}})},
         {"Ports", TemplateValue::list({"80/tcp", "443/tcp"})},
         {"Label", TemplateValue::method(1, [](const std::vector<TemplateValue>&) {
              return lab::Expected<TemplateValue>(TemplateValue("x"));
          })}});
    (void)parsed->execute(row);
    return 0;
}
