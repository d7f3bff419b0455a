/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-ui-util.h: small helpers the pages and editors share: toasts with undo, models of the
 * enumerations' labels, and the names of referenced records. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

void           icw_ui_toast              (GtkWidget   *from,
                                          const char  *message);
void           icw_ui_report_error       (GtkWidget   *from,
                                          const GError *error);
gboolean       icw_ui_delete_with_undo   (GtkWidget   *from,
                                          IcwStore    *store,
                                          IcwRecord   *record,
                                          const char  *message);
char          *icw_ui_organization_name  (IcwStore    *store,
                                          const char  *organization_id);
/* A label that wraps, aligned to the start, with CSS_CLASS (e.g. "dim-label") unless NULL. */
GtkLabel      *icw_ui_wrapped_label      (const char  *css_class);
GtkWidget     *icw_ui_group_new          (const char  *title,
                                          const char  *description);
void           icw_ui_add_table       (AdwPreferencesGroup *group,
                                       GtkListBox         **rows,
                                       GtkLabel           **summary,
                                       GtkLabel           **warning);
void           icw_ui_show_summary    (GtkLabel    *summary_label,
                                       GtkLabel    *warning_label,
                                       const char  *summary,
                                       const char  *warning);
GtkWidget     *icw_ui_icon_button        (const char  *icon_name,
                                          const char  *accessible_name);
/* A button with a mnemonic label ("_New Center"), and a button's new label. GTK 4.8 names a
 * button with a label twice, by its label as written (a mnemonic's underscore included) and by
 * its label child's text ("_New Center New Center"): these leave only the child's text. */
GtkWidget     *icw_ui_mnemonic_button_new (const char     *label);
void           icw_ui_button_set_label   (GtkButton      *button,
                                          const char     *label);
/* A button with text given a fuller accessible name of its own ("Choose Host company" for
 * "Choose…"): the name alone, not joined to its label's text. */
void           icw_ui_button_set_accessible_name (GtkWidget  *button,
                                                  const char *name);
/* The same for every button with text that a template made under ROOT (call it after
 * gtk_widget_init_template). */
void           icw_ui_name_buttons_once  (GtkWidget      *root);
/* A list row whose control (entry, switch, button) is its only Tab stop: the row is not one. A
 * list makes its rows focusable when they join it, so this is done whenever the row is mapped. */
void           icw_ui_row_skip_tab       (GtkWidget      *row);
/* Escape and Ctrl+W close every window made from the class (a dialog or secondary window) through
 * GtkWindow's window.close, as its close button does. */
void           icw_ui_class_add_close_keys (GtkWidgetClass *widget_class);
/* The same keys for one window made without a class of its own (adw_window_new). */
void           icw_ui_window_add_close_keys (GtkWindow      *window);

/* A GtkStringList of an enumeration's translated labels, e.g. ICW_UI_ENUM_LABELS (icw_org_kind, ICW_N_ORG_KINDS). */
#define ICW_UI_ENUM_LABELS(prefix, n_values)                        \
  ({                                                                \
    GtkStringList *labels_ = gtk_string_list_new (NULL);            \
    for (guint i_ = 0; i_ < (n_values); i_++)                       \
      gtk_string_list_append (labels_, prefix##_to_label (i_));     \
    labels_;                                                        \
  })

G_END_DECLS
