// `lifecycle-lab doctor`: each feature's answer agrees with what the machine can do, and a
// feature that does not work says why.
#include "console/Doctor.h"

#include <QTest>
#include <unistd.h>

using namespace lab;

namespace {

const DoctorFinding& findingFor(const std::vector<DoctorFinding>& findings, const QString& prefix) {
    for (const DoctorFinding& finding : findings)
        if (finding.feature.startsWith(prefix))
            return finding;
    qFatal("no finding for %s", qPrintable(prefix));
}

} // namespace

class TestDoctor : public QObject {
    Q_OBJECT
private slots:
    void theSimulatedEngineRunsAContainer() {
        const auto findings = examineMachine();
        const DoctorFinding& simulated = findingFor(findings, QStringLiteral("simulated engine"));
        QVERIFY2(simulated.works, qPrintable(simulated.details.join(u'\n')));
    }

    void theRealBackendRunsAContainerAsRoot() {
        if (geteuid() != 0)
            QSKIP("not root: the rootless answer is checked by ctest's doctor_rootless");
        const auto findings = examineMachine();
        const DoctorFinding& real = findingFor(findings, QStringLiteral("real backend"));
        QVERIFY2(real.works, qPrintable(real.details.join(u'\n')));
        QVERIFY(real.details.contains(QStringLiteral("as root")));
        QVERIFY(real.details.first().startsWith(QStringLiteral("ran `docker run")));
        const DoctorFinding& cgroups = findingFor(findings, QStringLiteral("real backend: pause"));
        QVERIFY2(cgroups.works, qPrintable(cgroups.details.join(u'\n')));
    }

    void theWindowNeedsADisplay() {
        qunsetenv("QT_QPA_PLATFORM");
        qunsetenv("WAYLAND_DISPLAY");
        qunsetenv("DISPLAY");
        const DoctorFinding none = findingFor(examineMachine(), QStringLiteral("window"));
        QVERIFY(!none.works);
        QVERIFY(none.details.join(u' ').contains(QStringLiteral("DISPLAY")));
        qputenv("DISPLAY", ":7");
        const DoctorFinding x11 = findingFor(examineMachine(), QStringLiteral("window"));
        QVERIFY(x11.works);
        QVERIFY(x11.details.join(u' ').contains(QStringLiteral(":7")));
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    void theReportSaysYesOrNoPerFeatureWithDetailsIndented() {
        const QString report = doctorReport({{QStringLiteral("a"), true, {QStringLiteral("x")}},
                                             {QStringLiteral("b"), false, {QStringLiteral("y")}}});
        QCOMPARE(report, QStringLiteral("a: yes\n    x\nb: no\n    y\n"));
    }
};

QTEST_GUILESS_MAIN(TestDoctor)
#include "tst_doctor.moc"
