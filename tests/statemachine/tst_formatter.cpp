// docker's formatter end to end: format selection, headers, the table layout. Expected texts
// were recorded with `docker ps -a --format F` (CLI 28.2.2, Engine 20.10.24) on container c1.
#include "docker/Formatter.h"

#include <QTest>

using namespace lab::docker;

namespace {

TemplateValue row(const QString& names, const QString& state, const QString& status) {
    return TemplateValue::structure(
        "*formatter.ContainerContext",
        {{"ID", "01b70592f050"},
         {"Names", names.toStdString()},
         {"Image", "busybox:local"},
         {"Command", "\"sleep 1000\""},
         {"CreatedAt", "2026-11-27 19:19:06 +0000 UTC"},
         {"RunningFor", "5 minutes ago"},
         {"Ports", ""},
         {"State", state.toStdString()},
         {"Status", status.toStdString()},
         {"Size", "0B (virtual 1.98MB)"},
         {"Labels", ""},
         {"Mounts", ""},
         {"LocalVolumes", "0"},
         {"Networks", "bridge"},
         {"Platform", TemplateValue()},
         {"Label", TemplateValue::method(1, [](const std::vector<TemplateValue>&) {
              return lab::Expected<TemplateValue>(TemplateValue(""));
          })}});
}

QString render(const std::string& format, const std::vector<TemplateValue>& rows) {
    const auto out = renderFormat(format, containerHeaderContext(), rows);
    return QString::fromStdString(out.has_value() ? *out : "ERROR " + out.error().message);
}

} // namespace

class TestFormatter : public QObject {
    Q_OBJECT

private slots:
    void rendersLikeDocker_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("output");
        QTest::newRow("two columns, short values widen to 10")
            << "table {{.Names}}\\t{{.State}}" << 2
            << "NAMES              STATE\nlonger-name-here   created\nc1                 exited\n";
        QTest::newRow("every other column and a label header")
            << "table {{.CreatedAt}}\\t{{.Size}}\\t{{.Labels}}\\t{{.Mounts}}\\t{{.LocalVolumes}}"
               "\\t{{.Networks}}\\t{{.Platform}}\\t{{.Label \"x\"}}\\t{{.State}}\\t{{.Status}}"
            << 1
            << "CREATED AT                      SIZE                  LABELS    MOUNTS    LOCAL "
               "VOLUMES   NETWORKS   PLATFORM   x         STATE     STATUS\n2026-11-27 19:19:06 "
               "+0000 UTC   0B (virtual 1.98MB)                       0               bridge     "
               "<nil>                running   Up 5 minutes\n";
        QTest::newRow("blanks around a table format are trimmed")
            << "table  {{.Names}}  " << 1 << "NAMES\nc1\n";
        QTest::newRow("literal \\t after table makes an empty first column")
            << "table\\t{{.Names}}" << 1 << "          NAMES\n          c1\n";
        QTest::newRow("plain format keeps its tab")
            << "{{.Image}} x\\ty" << 1 << "busybox:local x\ty\n";
        QTest::newRow("table without rows is its header") << "table {{.Names}}" << 0 << "NAMES\n";
        QTest::newRow("default table without rows")
            << QString::fromStdString(containerFormat("", false, false)) << 0
            << "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n";
        QTest::newRow("raw listing")
            << QString::fromStdString(containerFormat("raw", false, false)) << 1
            << "container_id: 01b70592f050\nimage: busybox:local\ncommand: \"sleep 1000\"\n"
               "created_at: 2026-11-27 19:19:06 +0000 UTC\nstate: running\nstatus: Up 5 "
               "minutes\nnames: c1\nlabels:\nports:\n\n";
        QTest::newRow("quiet") << QString::fromStdString(containerFormat("", true, false)) << 1
                               << "01b70592f050\n";
    }
    void rendersLikeDocker() {
        QFETCH(QString, format);
        QFETCH(int, rows);
        std::vector<TemplateValue> data;
        if (rows == 1)
            data = {row("c1", "running", "Up 5 minutes")};
        if (rows == 2)
            data = {row("longer-name-here", "created", "Created"), row("c1", "exited", "x")};
        QTEST(render(format.toStdString(), data), "output");
    }

    void errorsArePrefixed() {
        QCOMPARE(render("{{.Names", {}), QString("ERROR template: :1: unclosed action"));
    }

    void formatSelection() {
        QCOMPARE(containerFormat("table", false, true),
                 std::string(kContainerTableFormat) + "\t{{.Size}}");
        QCOMPARE(containerFormat("{{.Names}}", true, false), std::string("{{.ID}}"));
        QCOMPARE(containerFormat("{{.Names}}", false, false), std::string("{{.Names}}"));
        QCOMPARE(containerHeader("RunningFor"), std::string("CREATED"));
        QCOMPARE(containerHeader("Nope"), std::string());
    }
};

QTEST_APPLESS_MAIN(TestFormatter)
#include "tst_formatter.moc"
