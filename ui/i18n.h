/*
 * i18n.h - the screens' translations: the catalogue reader lives in
 * queue/i18n.h, where the kezek command and the documents reach it too.
 */
#ifndef KZ_UI_I18N_H
#define KZ_UI_I18N_H

#include "queue/i18n.h"

#endif
