/// The templates compiled into the binary (from the top-level templates/ folder), by file name.
///
/// A file of the same name in a project's templates/ folder overrides one of these. A test checks
/// that this list and the folder agree, so a new template cannot be forgotten here.
enum DefaultTemplates {
    static let files: [String: [UInt8]] = [
        "layout.mustache": PackageResources.layout_mustache,
        "home.mustache": PackageResources.home_mustache,
        "trails.mustache": PackageResources.trails_mustache,
        "trail-list.mustache": PackageResources.trail_list_mustache,
        "trail.mustache": PackageResources.trail_mustache,
        "stop.mustache": PackageResources.stop_mustache,
        "pet.mustache": PackageResources.pet_mustache,
        "page.mustache": PackageResources.page_mustache,
        "404.mustache": PackageResources._04_mustache,
        "retired.mustache": PackageResources.retired_mustache,
        "redirect.mustache": PackageResources.redirect_mustache,
        "redirect.js": PackageResources.redirect_js,
        "style.css.mustache": PackageResources.style_css_mustache,
        "sitemap.xml.mustache": PackageResources.sitemap_xml_mustache,
        "robots.txt.mustache": PackageResources.robots_txt_mustache,
        "headers.mustache": PackageResources.headers_mustache,
        "redirects.mustache": PackageResources.redirects_mustache,
        "htaccess.mustache": PackageResources.htaccess_mustache,
        "nginx.conf.mustache": PackageResources.nginx_conf_mustache,
        "nginx-headers.mustache": PackageResources.nginx_headers_mustache,
        "card-stop.mustache": PackageResources.card_stop_mustache,
        "card-pet.mustache": PackageResources.card_pet_mustache,
        "passport.mustache": PackageResources.passport_mustache,
        "print-sheet.mustache": PackageResources.print_sheet_mustache,
    ]
}
