#include "gui/i18n/LanguageMenu.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QActionGroup>
#include <QChartView>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>

namespace lab {
namespace {

// Sets a text again when the catalogue gave it.
template <class Getter, class Setter> void again(Getter get, Setter set) {
    const QString text = retranslated(get());
    if (!text.isEmpty())
        set(text);
}

void retranslateAction(QAction& action) {
    again([&] { return action.text(); }, [&](const QString& t) { action.setText(t); });
    again([&] { return action.toolTip(); }, [&](const QString& t) { action.setToolTip(t); });
    again([&] { return action.statusTip(); }, [&](const QString& t) { action.setStatusTip(t); });
}

void retranslateWidget(QWidget& widget) {
    again([&] { return widget.windowTitle(); },
          [&](const QString& t) { widget.setWindowTitle(t); });
    again([&] { return widget.toolTip(); }, [&](const QString& t) { widget.setToolTip(t); });
    again([&] { return widget.accessibleName(); },
          [&](const QString& t) { widget.setAccessibleName(t); });
    again([&] { return widget.accessibleDescription(); },
          [&](const QString& t) { widget.setAccessibleDescription(t); });
    if (auto* label = qobject_cast<QLabel*>(&widget))
        again([&] { return label->text(); }, [&](const QString& t) { label->setText(t); });
    if (auto* button = qobject_cast<QAbstractButton*>(&widget))
        again([&] { return button->text(); }, [&](const QString& t) { button->setText(t); });
    if (auto* box = qobject_cast<QGroupBox*>(&widget))
        again([&] { return box->title(); }, [&](const QString& t) { box->setTitle(t); });
    if (auto* edit = qobject_cast<QLineEdit*>(&widget))
        again([&] { return edit->placeholderText(); },
              [&](const QString& t) { edit->setPlaceholderText(t); });
    if (auto* tabs = qobject_cast<QTabWidget*>(&widget))
        for (int i = 0; i < tabs->count(); ++i) {
            again([&] { return tabs->tabText(i); },
                  [&](const QString& t) { tabs->setTabText(i, t); });
            again([&] { return tabs->tabToolTip(i); },
                  [&](const QString& t) { tabs->setTabToolTip(i, t); });
        }
    // Models answer headerData() in the current language: their views only need to ask again.
    if (auto* header = qobject_cast<QHeaderView*>(&widget); header && header->model()) {
        const int count = header->orientation() == Qt::Horizontal ? header->model()->columnCount()
                                                                  : header->model()->rowCount();
        if (count > 0)
            emit header->model()->headerDataChanged(header->orientation(), 0, count - 1);
    }
    if (auto* chart = qobject_cast<QChartView*>(&widget))
        again([&] { return chart->chart()->title(); },
              [&](const QString& t) { chart->chart()->setTitle(t); });
    if (auto* view = qobject_cast<QGraphicsView*>(&widget); view && view->scene()) {
        for (QGraphicsItem* item : view->scene()->items()) {
            again([&] { return item->toolTip(); }, [&](const QString& t) { item->setToolTip(t); });
            if (auto* simple = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                again([&] { return simple->text(); },
                      [&](const QString& t) { simple->setText(t); });
            else if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
                again([&] { return text->toPlainText(); },
                      [&](const QString& t) { text->setPlainText(t); });
            item->update(); // places and edges draw their names in the current language
        }
    }
    for (QAction* action : widget.actions())
        retranslateAction(*action);
    widget.update();
}

} // namespace

void retranslateTree(QWidget& root) {
    retranslateWidget(root);
    for (QWidget* widget : root.findChildren<QWidget*>())
        retranslateWidget(*widget);
    for (QAction* action : root.findChildren<QAction*>())
        retranslateAction(*action);
}

LanguageMenu::LanguageMenu(QWidget* window)
    : QMenu(tr("&Language"), window), m_window(window), m_choices(new QActionGroup(this)) {
    const std::pair<UiLanguage, QString> choices[] = {
        {UiLanguage::System, tr("&System")},
        {UiLanguage::English, QStringLiteral("English")}, // each language in its own words
        {UiLanguage::Chinese, QStringLiteral("中文")},
        {UiLanguage::Bilingual, tr("&Bilingual (中文 + English state names)")},
    };
    const UiLanguage saved = savedLanguage();
    for (const auto& [language, text] : choices) {
        QAction* action = m_choices->addAction(text);
        action->setCheckable(true);
        action->setChecked(language == saved);
        action->setData(int(language));
        addAction(action);
    }
    connect(m_choices, &QActionGroup::triggered, this, [](QAction* chosen) {
        saveLanguage(UiLanguage(chosen->data().toInt()));
        applyLanguage(UiLanguage(chosen->data().toInt()));
    });
    m_window->installEventFilter(this);
}

QAction* LanguageMenu::action(UiLanguage language) const {
    for (QAction* action : m_choices->actions())
        if (UiLanguage(action->data().toInt()) == language)
            return action;
    return nullptr;
}

bool LanguageMenu::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslateTree(*m_window);
    return QMenu::eventFilter(watched, event);
}

} // namespace lab
