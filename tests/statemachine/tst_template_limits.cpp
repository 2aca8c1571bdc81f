// Hostile templates: nesting Go refuses (maxStackDepth), nesting Go accepts but a C++ stack
// would not survive without help, numbers past fmt's bounds, and runs that would never end.
// Each used to crash or stall the lab; the answers are Go's where Go has one, else the
// simulation's budget (base/Limits.h).
#include "base/Limits.h"
#include "docker/GoTemplate.h"

#include <QTest>

using lab::docker::GoTemplate;
using lab::docker::TemplateValue;

namespace {

TemplateValue row() {
    return TemplateValue::structure("*formatter.ContainerContext", {{"Names", "c1"}});
}

// The output, or the error text.
QString run(const std::string& text) {
    const auto parsed = GoTemplate::parse(text);
    if (!parsed)
        return QString::fromStdString(parsed.error().message);
    const auto out = parsed->execute(row());
    return QString::fromStdString(out ? *out : out.error().message);
}

std::string repeat(const std::string& text, int times) {
    std::string out;
    for (int i = 0; i < times; ++i)
        out += text;
    return out;
}

std::string parens(int depth) {
    return "{{" + repeat("(", depth) + ".Names" + repeat(")", depth) + "}}";
}

} // namespace

class TestTemplateLimits : public QObject {
    Q_OBJECT

private slots:
    void parenthesesNestAsDeepAsGoAllows() {
        QCOMPARE(run(parens(lab::limits::kTemplateDepth)), "c1");
        QCOMPARE(run(parens(lab::limits::kTemplateDepth + 1)),
                 "template: :1: max expression depth exceeded");
    }

    void blocksNestAsDeepAsParentheses_data() {
        QTest::addColumn<QString>("open");
        QTest::newRow("if") << "{{if .Names}}";
        QTest::newRow("range") << "{{range 1}}";
        QTest::newRow("with") << "{{with .}}";
    }
    void blocksNestAsDeepAsParentheses() {
        QFETCH(QString, open);
        const auto nested = [&](int depth) {
            return repeat(open.toStdString(), depth) + "x" + repeat("{{end}}", depth);
        };
        QCOMPARE(run(nested(lab::limits::kTemplateDepth)), "x");
        const std::string keyword = open.toStdString().substr(2, open.indexOf(' ') - 2);
        QCOMPARE(run(nested(lab::limits::kTemplateDepth + 1)),
                 QString::fromStdString("template: :1: {{" + keyword +
                                        "}} nested too deeply (the simulation's limit is 10000)"));
    }

    void hugeWidthsAreGosBadWidth() {
        // fmt's parsenum gives up past 1e6 and the verb is lost; a * argument past it is BADWIDTH.
        QCOMPARE(run("{{printf \"%2000000000d\" 1}}"), "%!(NOVERB)%!(EXTRA int=1)");
        QCOMPARE(run("{{printf \"%.2000000000d\" 1}}"), "%!(NOVERB)%!(EXTRA int=1)");
        QCOMPARE(run("{{printf \"%*d\" 2000000000 1}}"), "%!(BADWIDTH)1");
        QCOMPARE(run("{{printf \"%*d|%-*d|%.*s\" 4 7 3 5 2 \"abc\"}}"), "   7|5  |ab");
        QCOMPARE(run("{{printf \"%*d\" -3 7}}"), "7  ");
        QCOMPARE(run("{{printf \"%.*d\" -1 7}}"), "%!(BADPREC)7");
        QCOMPARE(run("{{printf \"%*d\" \"x\" 7}}"), "%!(BADWIDTH)7");
    }

    void hugePaddingIsRefused() {
        QCOMPARE(run("{{pad .Names 9223372036854775807 0}}"),
                 "template: :1:2: executing \"\" at <pad .Names 9223372036854775807 0>: error "
                 "calling pad: padding too wide (the simulation's limit is 67108864)");
    }

    void endlessRangeIsStopped() {
        QCOMPARE(run("{{range 9223372036854775807}}{{end}}"),
                 "template: :1:8: executing \"\" at <9223372036854775807>: template stopped "
                 "after too many steps (the simulation's limit is 1000000)");
    }
};

QTEST_APPLESS_MAIN(TestTemplateLimits)
#include "tst_template_limits.moc"
