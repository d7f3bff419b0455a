/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-editor-private.h: what the agreement editor's files share: the editor's fields,
 * and the parts of it that icw-agreement-editor-findings.c (the navigation to a finding's field)
 * and icw-agreement-editor.c (the rest) call in each other. */
#pragma once

#include "icw-agreement-editor.h"
#include "icw-ip-agreement.h"
#include "icw-record-form.h"

G_BEGIN_DECLS

struct _IcwAgreementEditor
{
  IcwDocumentEditor parent_instance;

  IcwStore *store;
  IcwMoneyUnit money_unit;
  IcwIpAgreement *agreement;
  IcwRecordForm *form;

  GHashTable *page_widgets;      /* section key → the widget that edits it */
  GtkWidget *title_row;
  GtkWidget *effective_row;
  GtkWidget *results_group;      /* on the "results" page */
  GtkWidget *guide_button;
};

#define PAGE(self, key) ((GtkWidget *) g_hash_table_lookup ((self)->page_widgets, (key)))

/* Opens the page of a finding's field and focuses the widget that edits it (the shell's show_field). */
gboolean _icw_agreement_editor_show_field (IcwDocumentEditor *shell,
                                           const char        *field);

G_END_DECLS
