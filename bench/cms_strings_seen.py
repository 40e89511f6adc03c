"""Front-end strings of CMS plugins and platforms that no package here ships, each read from a public file at a
commit (through a code search index; `bench/cms_strings.py` does not fetch them again) and listed with it.

What a reader sees around an article on millions of WordPress sites comes not only from core: Akismet prints its
privacy notice under the comment form, Jetpack its share bar ("Share this:", "Click to share on Twitter (Opens in new
window)"), its likes ("Like this:", "Like Loading...") and its comment subscription checkboxes; core itself is
translated anew with each release, so that a page of 2023 says "Schreibe einen Kommentar" where Debian's catalogues
(of 2013, the same in Debian 11, 12 and 13) say "Hinterlasse eine Antwort". Other platforms print theirs: Disqus's
embed code its noscript line, Blogger's layouts "Post a Comment" and "Subscribe to: Post Comments (Atom)".

Each source: where its strings were read (repository, path, commit; or the plugin's file for each locale), then its
strings as (msgid, kind, alone, slot, translations): `translations` maps a locale to the text of that file (the
English msgid is always added as "en"). `alone` and `slot` mean what they mean in `bench/cms_strings.py`.
"""

from __future__ import annotations

# WordPress core's German catalogue of WordPress 6.4 (translate.wordpress.org's export, as a site installs it), for
# msgids whose translation changed since the catalogue Debian ships.
_WP_DE = "MaximilianPfitzenmaier/docker-wordpress wp-content/languages/de_DE.po at commit ee73e592"
# Its German, French, Spanish, Italian and Russian catalogues of WordPress 5.2 ("WordPress - 5.2.x", exported 2021), as
# a site installed them: the comment form's wording of 2019 to 2022, between Debian's (2013) and 6.x's.
_WP_52 = ("AVS4YOU/blog wp-content/languages/LOCALE.po (de_DE, fr_FR, es_ES, it_IT, ru_RU; Project-Id-Version "
          "'WordPress - 5.2.x') at commit 5deebb6f")
# Its French, Spanish, Italian and Dutch catalogues of WordPress 6.2, from another site's install.
_WP_62 = "TaGiOo/tagioo.github.io wp-content/languages/LOCALE.po (fr_FR, es_ES, it_IT, nl_NL) at commit fd973522"
_AKISMET = (
    "Akismet's translation files as WordPress installs them, wp-content/languages/plugins/akismet-LOCALE.po: "
    "de_DE in MaximilianPfitzenmaier/docker-wordpress at commit ee73e592; fr_FR, es_ES, it_IT, nl_NL in "
    "TaGiOo/tagioo.github.io at commit fd973522; pt_BR in turnpiece/ccluk at commit bdd79a87"
)
_JETPACK_SHARING = (
    "Automattic/jetpack projects/plugins/jetpack/modules/sharedaddy/sharing-service.php at commit c37ff237 "
    "(default_sharing_label), sharing-sources.php at commit 410e4f48 (get_link: the title, and ' (Opens in new "
    "window)' after it for icon-only buttons), modules/likes.php (the likes placeholder), modules/carousel "
    "(loading_comments)"
)

SOURCES: dict[str, tuple[str, list[tuple[str, str, bool, str | None, dict[str, str | list[str]]]]]] = {
    "wp-core-6.4": (
        _WP_DE,
        [
            ("Leave a Reply", "comments", True, None, {"de_DE": "Schreibe einen Kommentar"}),
            ("Leave a Reply to %s", "comments", True, "name", {"de_DE": "Schreibe einen Kommentar zu %s"}),
            ("Leave a Comment", "comments", True, None, {"de_DE": "Schreibe einen Kommentar"}),
            ("Cancel reply", "comments", True, None, {"de_DE": "Antworten abbrechen"}),
            ("Post Comment", "comments", True, None, {"de_DE": "Kommentar abschicken"}),
            ("Save my name, email, and website in this browser for the next time I comment.", "comments", True, None,
             {"de_DE": "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste "
                       "Kommentierung speichern."}),
            ("Click here to cancel reply.", "comments", True, None,
             {"de_DE": "Hier klicken, um das Antworten abzubrechen."}),
            ("Log in to leave a Comment", "comments", True, None,
             {"de_DE": "Melde dich an, um einen Kommentar zu schreiben"}),
            ("Log in to Reply", "comments", True, None, {"de_DE": "Zum Antworten anmelden"}),
            ("Your comment is awaiting moderation.", "comments", True, None,
             {"de_DE": "Dein Kommentar wartet auf Freischaltung."}),
            ("Comments are closed.", "comments", True, None, {"de_DE": "Kommentare sind geschlossen."}),
            ("Protected Comments: Please enter your password to view comments.", "comments", True, None,
             {"de_DE": "Geschützte Kommentare: Bitte gib dein Passwort ein, um Kommentare zu sehen."}),
            ("No Comments", "comments", False, None, {"de_DE": "Keine Kommentare"}),
            ("1 Comment", "comments", False, None, {"de_DE": "Ein Kommentar"}),
            ("Skip to content", "navigation", True, None, {"de_DE": "Direkt zum Inhalt wechseln"}),
            ("&laquo; Older Comments", "navigation", True, None, {"de_DE": "&laquo; Ältere Kommentare"}),
            ("Newer Comments &raquo;", "navigation", True, None, {"de_DE": "Neuere Kommentare &raquo;"}),
            ("Next Post", "navigation", False, None, {"de_DE": "Nächster Beitrag"}),
            ("Previous Post", "navigation", False, None, {"de_DE": "Vorheriger Beitrag"}),
            ("Next Page &raquo;", "navigation", False, None, {"de_DE": "Nächste Seite &raquo;"}),
            ("&laquo; Previous Page", "navigation", False, None, {"de_DE": "&laquo; Vorherige Seite"}),
            ("Next &raquo;", "navigation", False, None, {"de_DE": "Weiter &raquo;"}),
            ("&laquo; Previous", "navigation", False, None, {"de_DE": "&laquo; Zurück"}),
            ("Recent Posts", "widgets", False, None, {"de_DE": "Neueste Beiträge"}),
            ("Recent Comments", "widgets", False, None, {"de_DE": "Neueste Kommentare"}),
            ("Log in", "widgets", False, None, {"de_DE": "Anmelden"}),
            ("Pages:", "navigation", False, None, {"de_DE": "Seiten:"}),
            # The login form (wp-includes/general-template.php, wp_login_form()).
            ("Remember Me", "login", False, None, {"de_DE": "Angemeldet bleiben"}),
            ("Register", "login", False, None, {"de_DE": "Registrieren"}),
            ("Log out", "login", False, None, {"de_DE": "Abmelden"}),
        ],
    ),
    "wp-core-5.2": (
        _WP_52,
        [
            # ("Leave a Reply to %s" is left out where its translation is two words and a name, as for 6.2.)
            ("Leave a Reply", "comments", True, None, {
                "de_DE": "Schreibe einen Kommentar",
                "fr_FR": "Laisser un commentaire",
                "es_ES": "Deja un comentario",
                "it_IT": "Lascia un commento",
                "ru_RU": "Добавить комментарий",
            }),
            ("Leave a Reply to %s", "comments", True, "name", {
                "de_DE": "Schreibe einen Kommentar zu %s",
                "ru_RU": "Добавить комментарий для %s",
            }),
            ("Leave a Comment", "comments", True, None, {
                "de_DE": "Schreibe einen Kommentar",
                "fr_FR": "Laisser un commentaire",
                "es_ES": "Deja un comentario",
                "it_IT": "Lascia un commento",
                "ru_RU": "Добавить комментарий",
            }),
            ("Cancel reply", "comments", True, None, {
                "de_DE": "Antworten abbrechen",
                "fr_FR": "Annuler la réponse",
                "es_ES": "Cancelar respuesta",
                "it_IT": "Annulla risposta",
                "ru_RU": "Отменить ответ",
            }),
            ("Click here to cancel reply.", "comments", True, None, {
                "de_DE": "Hier klicken, um das Antworten abzubrechen.",
                "fr_FR": "Cliquez ici pour annuler la réponse.",
                "es_ES": "Haz clic aquí para cancelar la respuesta.",
                "it_IT": "Fai clic qui per annullare la risposta.",
                "ru_RU": "Нажмите, чтобы отменить ответ.",
            }),
            ("Your email address will not be published.", "comments", True, None, {
                "de_DE": "Deine E-Mail-Adresse wird nicht veröffentlicht.",
                "fr_FR": "Votre adresse de messagerie ne sera pas publiée.",
                "es_ES": "Tu dirección de correo electrónico no será publicada.",
                "it_IT": "Il tuo indirizzo email non sarà pubblicato.",
                "ru_RU": "Ваш e-mail не будет опубликован.",
            }),
            ("Required fields are marked %s", "comments", True, "mark", {
                "de_DE": "Erforderliche Felder sind mit %s markiert.",
                "fr_FR": "Les champs obligatoires sont indiqués avec %s",
                "es_ES": "Los campos obligatorios están marcados con %s",
                "it_IT": "I campi obbligatori sono contrassegnati %s",
                "ru_RU": "Обязательные поля помечены %s",
            }),
            ("Save my name, email, and website in this browser for the next time I comment.", "comments", True, None, {
                "de_DE": "Meinen Namen, E-Mail und Website in diesem Browser speichern, bis ich wieder kommentiere.",
                "fr_FR": "Enregistrer mon nom, mon e-mail et mon site web dans le navigateur pour mon "
                         "prochain commentaire.",
                "es_ES": "Guardar mi nombre, correo electrónico y sitio web en este navegador para la "
                         "próxima vez que haga un comentario.",
                "it_IT": "Do il mio consenso affinché un cookie salvi i miei dati  (nome, email, sito web) "
                         "per il prossimo commento.",
                "ru_RU": "Сохранить моё имя, email и адрес сайта в этом браузере для последующих моих комментариев.",
            }),
            ("Post Comment", "comments", True, None, {
                "de_DE": "Kommentar abschicken",
                "fr_FR": "Laisser un commentaire",
                "es_ES": "Publicar comentario",
                "it_IT": "Pubblica il commento",
                "ru_RU": "Отправить комментарий",
            }),
            ("Log in to leave a Comment", "comments", True, None, {
                "de_DE": "Melde dich an, um einen Kommentar zu schreiben",
                "fr_FR": "Connectez-vous pour laisser un commentaire",
                "es_ES": "Accede para dejar un comentario",
                "it_IT": "Accedi per lasciare un commento",
                "ru_RU": "Войдите, чтобы добавить комментарий",
            }),
            ("Log in to Reply", "comments", True, None, {
                "de_DE": "Zum Antworten anmelden",
                "fr_FR": "Connectez-vous pour répondre",
                "es_ES": "Inicia sesión para responder",
                "it_IT": "Accedi per rispondere",
                "ru_RU": "Войдите, чтобы ответить",
            }),
            ("You must be <a href=\"%s\">logged in</a> to post a comment.", "comments", True, None, {
                "de_DE": "Du musst <a href=\"%s\">angemeldet</a> sein, um einen Kommentar abzugeben.",
                "fr_FR": "Vous devez <a href=\"%s\">être connecté</a> pour publier un commentaire.",
                "es_ES": "Lo siento, debes estar <a href=\"%s\">conectado</a> para publicar un comentario.",
                "it_IT": "Devi essere <a href=\"%s\">connesso</a> per inviare un commento.",
                "ru_RU": "Для отправки комментария вам необходимо <a href=\"%s\">авторизоваться</a>.",
            }),
            ("noun\x04Comment", "comments", False, None, {
                "de_DE": "Kommentar",
                "fr_FR": "Commentaire",
                "es_ES": "Comentario",
                "it_IT": "Commento",
                "ru_RU": "Комментарий",
            }),
            ("Name", "comments", False, None, {
                "de_DE": "Name",
                "fr_FR": "Nom",
                "es_ES": "Nombre",
                "it_IT": "Nome",
                "ru_RU": "Имя",
            }),
            ("Website", "comments", False, None, {
                "de_DE": "Website",
                "fr_FR": "Site web",
                "es_ES": "Web",
                "it_IT": "Sito web",
                "ru_RU": "Сайт",
            }),
            ("1 Comment", "comments", False, None, {
                "de_DE": "1 Kommentar",
                "fr_FR": "Un commentaire",
                "es_ES": "1 comentario",
                "it_IT": "1 commento",
                "ru_RU": "1 комментарий",
            }),
            ("No Comments", "comments", False, None, {
                "de_DE": "Keine Kommentare",
                "fr_FR": "Pas de commentaire",
                "es_ES": "No hay comentarios",
                "it_IT": "Nessun commento",
                "ru_RU": "Комментариев нет",
            }),
            ("Next &raquo;", "navigation", False, None, {
                "de_DE": "Weiter &raquo;",
                "fr_FR": "Suivant »",
                "es_ES": "Siguiente &raquo;",
                "it_IT": "Successivo &raquo;",
                "ru_RU": "Далее &rarr;",
            }),
            ("&laquo; Previous", "navigation", False, None, {
                "de_DE": "&laquo; Zurück",
                "fr_FR": "« Précédent",
                "es_ES": "&laquo; Anterior",
                "it_IT": "&laquo; Precedente",
                "ru_RU": "&larr; Ранее",
            }),
            ("Log out", "login", False, None, {
                "de_DE": "Abmelden",
                "fr_FR": "Déconnexion",
                "es_ES": "Desconectar",
                "it_IT": "Esci",
            }),
            ("label\x04Search for:", "search", False, None, {
                "de_DE": "Suche nach:",
                "fr_FR": "Rechercher :",
                "es_ES": "Buscar:",
                "it_IT": "Ricerca per:",
            }),
            ("Comments navigation", "navigation", True, None, {
                "de_DE": "Kommentar-Navigation",
                "fr_FR": "Navigation dans les commentaires",
                "es_ES": "Navegación de comentarios",
            }),
            ("&laquo; Older Comments", "navigation", True, None, {
                "de_DE": "&laquo; Ältere Kommentare",
                "fr_FR": "« Commentaires plus anciens",
                "es_ES": "&laquo; Comentarios anteriores",
            }),
            ("Newer Comments &raquo;", "navigation", True, None, {
                "de_DE": "Neuere Kommentare &raquo;",
                "fr_FR": "Commentaires plus récents »",
                "es_ES": "Últimos comentarios &raquo;",
            }),
            ("Older posts", "navigation", True, None, {
                "de_DE": "Ältere Beiträge",
                "fr_FR": "Articles plus anciens",
                "es_ES": "Entradas anteriores",
            }),
            ("Newer posts", "navigation", True, None, {
                "de_DE": "Neuere Beiträge",
                "fr_FR": "Articles plus récents",
                "es_ES": "Entradas siguientes",
            }),
            ("&laquo; Previous Page", "navigation", False, None, {
                "de_DE": "&laquo; Vorherige Seite",
                "fr_FR": "« Page précédente",
                "es_ES": "&laquo; Página anterior",
            }),
            ("Next Page &raquo;", "navigation", False, None, {
                "de_DE": "Nächste Seite &raquo;",
                "fr_FR": "Page suivante »",
                "es_ES": "Página siguiente &raquo;",
            }),
            ("Next Post", "navigation", False, None, {
                "de_DE": "Nächster Beitrag",
                "fr_FR": "Article suivant",
                "es_ES": "Entrada siguiente",
            }),
            ("Previous Post", "navigation", False, None, {
                "de_DE": "Vorheriger Beitrag",
                "fr_FR": "Article précédent",
                "es_ES": "Entrada anterior",
            }),
            ("Recent Posts", "widgets", False, None, {"de_DE": "Neue Beiträge"}),
            ("Recent Comments", "widgets", False, None, {"de_DE": "Neue Kommentare"}),
            ("Skip to toolbar", "navigation", True, None, {"de_DE": "Zur Werkzeugleiste springen"}),
        ],
    ),
    # Dutch of a WordPress 5.x catalogue (its entry cites comment-template.php:2389, a release after 5.2), another
    # site's install: the comment form's cookie checkbox as Dutch sites printed it before 6.x.
    "wp-core-5.x-nl": (
        "Danielvandervelden/saarbakt-2019 wp-content/languages/nl_NL.po at commit 8b0cdf93",
        [
            ("Save my name, email, and website in this browser for the next time I comment.", "comments", True, None, {
                "nl_NL": "Mijn naam, e-mailadres en site bewaren in deze browser voor de volgende keer wanneer ik een "
                         "reactie plaats."}),
        ],
    ),
    "wp-core-6.2": (
        _WP_62,
        [
            ("Leave a Reply", "comments", True, None, {
                "fr_FR": "Laisser un commentaire", "es_ES": "Deja una respuesta", "it_IT": "Lascia un commento",
                "nl_NL": "Geef een reactie"}),
            # ("Leave a Reply to %s": "Répondre à %s", "Rispondi a %s" would also take a heading that starts so.)
            ("Leave a Reply to %s", "comments", True, "name", {"nl_NL": "Laat een antwoord achter aan %s"}),
            ("Leave a Comment", "comments", True, None, {
                "fr_FR": "Laisser un commentaire", "es_ES": "Deja un comentario", "it_IT": "Lascia un commento",
                "nl_NL": "Geef een reactie"}),
            ("Cancel reply", "comments", True, None, {
                "fr_FR": "Annuler la réponse", "es_ES": "Cancelar la respuesta", "it_IT": "Annulla risposta",
                "nl_NL": "Reactie annuleren"}),
            ("Post Comment", "comments", True, None, {
                "fr_FR": "Laisser un commentaire", "es_ES": "Publicar el comentario", "it_IT": "Invia commento",
                "nl_NL": "Reactie plaatsen"}),
            ("Save my name, email, and website in this browser for the next time I comment.", "comments", True, None, {
                "fr_FR": "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain "
                         "commentaire.",
                "es_ES": "Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que "
                         "comente.",
                "it_IT": "Do il mio consenso affinché un cookie salvi i miei dati (nome, email, sito web) per il "
                         "prossimo commento.",
                "nl_NL": "Mijn naam, e-mail en site bewaren in deze browser voor de volgende keer wanneer ik een "
                         "reactie plaats."}),
            ("Click here to cancel reply.", "comments", True, None, {
                "fr_FR": "Cliquez ici pour annuler la réponse.", "es_ES": "Haz clic aquí para cancelar la respuesta.",
                "it_IT": "Fai clic qui per annullare la risposta.", "nl_NL": "Klik hier om je antwoord te annuleren."}),
            ("Log in to leave a Comment", "comments", True, None, {
                "fr_FR": "Connectez-vous pour laisser un commentaire", "es_ES": "Accede para dejar un comentario",
                "it_IT": "Accedi per lasciare un commento", "nl_NL": "Inloggen om een reactie te geven"}),
            ("Log in to Reply", "comments", True, None, {
                "fr_FR": "Connectez-vous pour répondre", "es_ES": "Accede para responder",
                "it_IT": "Accedi per rispondere", "nl_NL": "Log in om te reageren"}),
            ("Your comment is awaiting moderation.", "comments", True, None, {
                "fr_FR": "Votre commentaire est en attente de modération.",
                "es_ES": "Tu comentario está pendiente de moderación.",
                "it_IT": "Il tuo commento è in attesa di moderazione.",
                "nl_NL": "Je reactie is in afwachting van moderatie."}),
            ("Comments are closed.", "comments", True, None, {
                "es_ES": "Los comentarios están cerrados.", "it_IT": "I commenti sono chiusi.",
                "nl_NL": "Reacties zijn gesloten."}),
            ("Protected Comments: Please enter your password to view comments.", "comments", True, None, {
                "fr_FR": "Commentaires protégés : saisissez votre mot de passe pour accéder aux commentaires.",
                "es_ES": "Comentarios protegidos: Por favor, introduce tu contraseña para ver los comentarios.",
                "it_IT": "Commenti protetti: inserisci la tua password per visualizzare i commenti."}),
            ("No Comments", "comments", False, None, {
                "es_ES": "No hay comentarios", "it_IT": "Nessun commento", "nl_NL": "Geen reacties"}),
            ("1 Comment", "comments", False, None, {
                "es_ES": "1 comentario", "it_IT": "1 commento", "nl_NL": "1 reactie"}),
            ("Skip to content", "navigation", True, None, {
                "fr_FR": "Aller au contenu", "es_ES": "Saltar al contenido", "it_IT": "Vai al contenuto",
                "nl_NL": "Ga naar de inhoud"}),
            ("Next Page &raquo;", "navigation", False, None, {
                "es_ES": "Página siguiente &raquo;", "it_IT": "Pagina successiva &raquo;",
                "nl_NL": "Volgende pagina &raquo;"}),
            ("&laquo; Previous Page", "navigation", False, None, {
                "es_ES": "&laquo; Página anterior", "it_IT": "&laquo; Pagina precedente",
                "nl_NL": "&laquo; Vorige pagina"}),
            ("Recent Posts", "widgets", False, None, {
                "fr_FR": "Articles récents", "es_ES": "Entradas recientes", "it_IT": "Articoli recenti",
                "nl_NL": "Recente berichten"}),
            ("Pages:", "navigation", False, None, {"es_ES": "Páginas:", "it_IT": "Pagine:", "nl_NL": "Pagina's:"}),
            ("Log in", "widgets", False, None, {"fr_FR": "Connexion"}),
        ],
    ),
    "akismet": (
        _AKISMET,
        [
            ("This site uses Akismet to reduce spam. <a href=\"%s\" target=\"_blank\" rel=\"nofollow noopener\">"
             "Learn how your comment data is processed</a>.", "comments", True, None, {
                 "de_DE": "Diese Website verwendet Akismet, um Spam zu reduzieren. <a href=\"%s\">Erfahre mehr "
                          "darüber, wie deine Kommentardaten verarbeitet werden</a>.",
                 "fr_FR": "Ce site utilise Akismet pour réduire les indésirables. <a href=\"%s\">En savoir plus sur "
                          "comment les données de vos commentaires sont utilisées</a>.",
                 "es_ES": "Este sitio usa Akismet para reducir el spam. <a href=\"%s\">Aprende cómo se procesan los "
                          "datos de tus comentarios</a>.",
                 "it_IT": "Questo sito usa Akismet per ridurre lo spam. <a href=\"%s\">Scopri come i tuoi dati "
                          "vengono elaborati</a>.",
                 "nl_NL": "Deze site gebruikt Akismet om spam te verminderen. <a href=\"%s\">Bekijk hoe je "
                          "reactie-gegevens worden verwerkt</a>.",
                 "pt_BR": "Esse site utiliza o Akismet para reduzir spam. <a href=\"%s\">Aprenda como seus dados de "
                          "comentários são processados</a>.",
             }),
        ],
    ),
    "jetpack-sharing": (
        _JETPACK_SHARING,
        [
            ("Share this:", "share", True, None, {}),
            # Icon-only buttons carry the title and the new-window note as their text; the title is "Click to
            # share on NETWORK" for every network (Twitter, Facebook, LinkedIn, Reddit, Tumblr, Pinterest...).
            ("Click to share on %s (Opens in new window)", "share", True, "word", {}),
            ("Click to share on %s", "share", True, "word", {}),
            ("Click to email a link to a friend (Opens in new window)", "share", True, None, {}),
            ("Click to email a link to a friend", "share", True, None, {}),
            ("Click to print (Opens in new window)", "share", True, None, {}),
            ("Click to print", "share", False, None, {}),
            # "Like this:" also ends a sentence of a tutorial ("It looks like this:"), as a line by itself: it goes
            # only with the likes placeholder under it.
            ("Like this:", "likes", False, None, {}),
            ("Like Loading...", "likes", True, None, {}),
            ("Loading Comments...", "comments", True, None, {}),
        ],
    ),
    # The same buttons in German, from an older Jetpack's catalogue: a button's text is its title and the
    # new-window note, two msgids printed together, written here as one line with the network as a one-word slot.
    "jetpack-sharing-de": (
        "PAStudio/lorin wp-content/languages/plugins/jetpack-de_DE.po at commit 805985e1 (msgids 'Share this:', "
        "'Click to share on Twitter' and the other networks' titles, 'Click to share on %s', 'Click to print', "
        "'Click to email this to a friend', ' (Opens in new window)')",
        [
            ("Share this:", "share", True, None, {"de_DE": "Teilen mit:"}),
            ("Click to share on %s (Opens in new window)", "share", True, "word", {"de_DE": [
                "Klick, um über %s zu teilen (Wird in neuem Fenster geöffnet)",
                "Klick, um auf %s zu teilen (Wird in neuem Fenster geöffnet)",
                "Klicken, um auf %s zu teilen (Wird in neuem Fenster geöffnet)",
                "Zum Teilen auf %s klicken (Wird in neuem Fenster geöffnet)"]}),
            ("Click to share on %s", "share", True, "word", {"de_DE": [
                "Klick, um über %s zu teilen", "Klick, um auf %s zu teilen", "Klicken, um auf %s zu teilen",
                "Zum Teilen auf %s klicken"]}),
            ("Click to print (Opens in new window)", "share", True, None,
             {"de_DE": "Klicken zum Ausdrucken (Wird in neuem Fenster geöffnet)"}),
            ("Click to email this to a friend (Opens in new window)", "share", True, None,
             {"de_DE": "Klick, um dies einem Freund per E-Mail zu senden (Wird in neuem Fenster geöffnet)"}),
            ("Click to email this to a friend", "share", True, None,
             {"de_DE": "Klick, um dies einem Freund per E-Mail zu senden"}),
        ],
    ),
    "jetpack-subscriptions-de": (
        "PAStudio/lorin wp-content/languages/plugins/jetpack-de_DE.po at commit 805985e1 (modules/subscriptions.php)",
        [
            ("Enter your email address to subscribe to this blog and receive notifications of new posts by email.",
             "subscribe", True, None, {"de_DE": "Gib deine E-Mail-Adresse an, um diesen Blog zu abonnieren und "
                                                "Benachrichtigungen über neue Beiträge via E-Mail zu erhalten."}),
            ("Subscribe to Blog via Email", "subscribe", True, None, {"de_DE": "Blog via E-Mail abonnieren"}),
            ("Join %s other subscribers", "subscribe", True, "num",
             {"de_DE": "Schließe dich %s anderen Abonnenten an"}),
            ("Notify me of follow-up comments by email.", "subscribe", True, None,
             {"de_DE": "Benachrichtige mich über nachfolgende Kommentare via E-Mail."}),
            ("Notify me of new posts by email.", "subscribe", True, None,
             {"de_DE": "Benachrichtige mich über neue Beiträge via E-Mail."}),
            ("Email Address:", "subscribe", False, None, {"de_DE": "E-Mail-Adresse:"}),
        ],
    ),
    "subscribe-to-comments-reloaded": (
        "Fourmilab/ratburger.org wp-content/plugins/subscribe-to-comments-reloaded/wp_subscribe_reloaded.php at "
        "commit 01e160d6 (the default subscribe_reloaded_checkbox_label)",
        [
            ("Notify me of followup comments via e-mail. You can also <a href='[subscribe_link]'>subscribe</a> "
             "without commenting.", "subscribe", True, None, {}),
        ],
    ),
    # Drupal's comment section (8.x and later) for a reader who may not post: its forbidden message
    # (CommentManager::forbiddenMessage), printed under every article with comments where readers must log in. The
    # links' text stays, the tags go: "Log in or register to post comments".
    "drupal-comment": (
        "drupal/drupal core/modules/comment/src/CommentManager.php at commit 1476c56c (forbiddenMessage)",
        [
            ("<a href=\"@login\">Log in</a> or <a href=\"@register\">register</a> to post comments", "comments",
             True, None, {}),
            ("<a href=\"@login\">Log in</a> to post comments", "comments", True, None, {}),
        ],
    ),
    # Disqus's embed code, as sites paste it: its noscript line is a page's text wherever the script did not run.
    "disqus": (
        "jekyll/minima _includes/disqus_comments.html at commit 6c702dec (Disqus's universal embed code)",
        [
            ("Please enable JavaScript to view the <a href=\"https://disqus.com/?ref_noscript\" rel=\"nofollow\">"
             "comments powered by Disqus.</a>", "comments", True, None, {}),
        ],
    ),
}
