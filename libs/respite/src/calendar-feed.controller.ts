import { Controller, Delete, Get, Header, HttpCode, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public, Roles } from '@app/platform';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarFeedDto, CalendarFeedQuery } from './dto/calendar-feed.dto';

/** A carer's own respite calendar feed, and the feed itself for calendar apps (which cannot log in). */
@ApiTags('respite')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Put('me/calendar-feed')
  @Roles('carer')
  @ApiOperation({ summary: 'Create or renew my calendar feed address; an earlier address stops working' })
  @ApiOkResponse({ type: CalendarFeedDto })
  @ApiProblems()
  async renew(): Promise<CalendarFeedDto> {
    return { url: await this.feeds.renew() };
  }

  @Delete('me/calendar-feed')
  @HttpCode(204)
  @Roles('carer')
  @ApiOperation({ summary: 'Turn my calendar feed off' })
  @ApiNoContentResponse()
  @ApiProblems()
  async revoke(): Promise<void> {
    await this.feeds.revoke();
  }

  @Get('calendar-feed.ics')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @ApiOperation({ summary: 'A carer’s respite bookings as iCalendar; the secret key is the only credential' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar text' })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  feed(@Query() query: CalendarFeedQuery): Promise<string> {
    return this.feeds.render(query.key);
  }
}
