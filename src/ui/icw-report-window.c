/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-window.c: the report's window (icw-report-window.h). Escape and Ctrl+W close it as
 * they close every secondary window; what is being typed is saved as the editor goes. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-adaptive-bin.h"
#include "icw-report-window.h"
#include "icw-ui-util.h"

struct _IcwReportWindow
{
  AdwWindow parent_instance;

  IcwStore *store;
  IcwReportEditor *editor;
  AdwWindowTitle *title;
};

G_DEFINE_FINAL_TYPE (IcwReportWindow, icw_report_window, ADW_TYPE_WINDOW)

char *
icw_report_window_title_for (IcwReport *report)
{
  /* TRANSLATORS: a report's title: its year and kind, e.g. "2025 yearly assessment" */
  return g_strdup_printf (C_("report title", "%d %s"), icw_report_get_year (report), icw_report_kind_to_label (icw_report_get_kind (report)));
}

static void
show_report (IcwReportWindow *self,
             IcwReport       *report)
{
  g_autofree char *title = icw_report_window_title_for (report);
  g_autofree char *subtitle = g_strdup_printf (_("Version %d"), icw_report_get_version (report));

  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  icw_document_editor_set_record (ICW_DOCUMENT_EDITOR (self->editor), ICW_RECORD (report));
}

/* win.show-record (kind key, ID): the new version after a reopen. */
static void
show_record_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcwReportWindow *self = ICW_REPORT_WINDOW (widget);
  const char *id = NULL;
  g_autoptr(IcwRecord) record = NULL;

  g_variant_get (parameter, "(&s&s)", NULL, &id);
  record = icw_store_lookup (self->store, ICW_RECORD_KIND_REPORT, id, NULL);
  if (record != NULL)
    show_report (self, ICW_REPORT (record));
}

IcwReportEditor *
icw_report_window_get_editor (IcwReportWindow *self)
{
  return self->editor;
}

static void
icw_report_window_dispose (GObject *object)
{
  IcwReportWindow *self = ICW_REPORT_WINDOW (object);

  G_OBJECT_CLASS (icw_report_window_parent_class)->dispose (object);
  g_clear_object (&self->store);
}

static void
icw_report_window_class_init (IcwReportWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_report_window_dispose;
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ss)", show_record_activated);
  icw_ui_class_add_close_keys (widget_class);
}

static void
icw_report_window_init (IcwReportWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 820);
}

IcwReportWindow *
icw_report_window_new (GtkWidget    *parent,
                       IcwStore     *store,
                       IcwReport    *report,
                       IcwMoneyUnit  money_unit)
{
  IcwReportWindow *self = g_object_new (ICW_TYPE_REPORT_WINDOW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  self->store = g_object_ref (store);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), header);
  self->editor = ICW_REPORT_EDITOR (icw_report_editor_new (store, money_unit));
  /* Folded (a narrow window), a section is shown alone: Back returns to the list of sections. */
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             icw_adaptive_bin_back_button_new (icw_document_editor_get_body (ICW_DOCUMENT_EDITOR (self->editor))));
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor));
  adw_window_set_content (ADW_WINDOW (self), box);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
      if (gtk_window_get_application (GTK_WINDOW (root)) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (GTK_WINDOW (root)));
    }
  show_report (self, report);
  return self;
}
