/* icw-agreement-editor-private.h: what the agreement editor's files share: the editor's fields,
 * and the parts of it that icw-agreement-editor-findings.c (the findings shown on the pages and
 * the navigation to their fields) and icw-agreement-editor.c (the rest) call in each other. */
#pragma once

#include "icw-agreement-editor.h"
#include "icw-check-panel.h"
#include "icw-document-bar.h"
#include "icw-ip-agreement.h"
#include "icw-record-form.h"

G_BEGIN_DECLS

struct _IcwAgreementEditor
{
  AdwBin parent_instance;

  IcwStore *store;
  IcwMoneyUnit money_unit;
  IcwIpAgreement *agreement;
  IcwRecordForm *form;
  GPtrArray *packs;
  GPtrArray *findings;

  GtkListBox *section_list;
  GtkStack *pages;
  GHashTable *page_widgets;      /* section key → the widget that edits it */
  GtkRevealer *check_revealer;
  IcwCheckPanel *check_panel;
  IcwDocumentBar *bar;
  GtkWidget *print_button;       /* Print… and Export PDF… */
  GtkWidget *title_row;
  GtkWidget *guide_button;
};

#define PAGE(self, key) ((GtkWidget *) g_hash_table_lookup ((self)->page_widgets, (key)))

/* Selects the page of a section key ("parties", "terms"...) in the page list. */
void icw_agreement_editor_select_section (IcwAgreementEditor *self,
                                          const char         *key);
/* Shows on each page's badge the errors and warnings of the last check that are on it. */
void icw_agreement_editor_update_badges  (IcwAgreementEditor *self);

G_END_DECLS
