# English dates as the portal writes them ("October 14, 2021"), not Django's
# AP style ("Oct. 14, 2021"); other languages use Django's own formats.
DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, H:i"
